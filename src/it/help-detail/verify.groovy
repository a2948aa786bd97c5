import dev.cxtoken.testing.ItSupport
import dev.cxtoken.testing.PluginDescriptorFile

// Every parameter of the descriptor, with its default and user property, as the help goal prints them.
def declared = PluginDescriptorFile.load(new File(basedir, "../../../" + PluginDescriptorFile.PATH).toPath()).goal("fetch-token")
def log = ItSupport.buildLog(basedir)
def start = log.indexOf("cx-token:fetch-token")
if (start < 0) {
    throw new AssertionError("build.log has no help for cx-token:fetch-token")
}
def help = log.substring(start)
def shown = [:]
def current = null
for (line in help.readLines()) {
    if (line.startsWith("[INFO] ---")) break
    def header = line =~ /^    (\w+)(?: \(Default: (.*)\))?$/
    def property = line =~ /^      User property: (\S+)$/
    if (header.matches()) {
        current = header.group(1)
        shown[current] = [defaultValue: header.group(2), property: null]
    } else if (property.matches() && current != null) {
        shown[current].property = property.group(1)
    }
}
ItSupport.assertEquals(new TreeSet(declared.keySet()), new TreeSet(shown.keySet()), "parameters printed by help -Ddetail")
declared.each { name, parameter ->
    ItSupport.assertEquals(String.valueOf(parameter.defaultValue), String.valueOf(shown[name].defaultValue), "default of " + name)
    ItSupport.assertEquals(String.valueOf(parameter.property), String.valueOf(shown[name].property), "user property of " + name)
}
ItSupport.assertEquals(0, ItSupport.stop(context), "token requests")
ItSupport.assertNoSecrets(context, basedir)
return true
