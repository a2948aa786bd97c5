import dev.cxtoken.testing.ItSupport
import dev.cxtoken.testing.PipelineItSupport

ItSupport.start(context, basedir)
PipelineItSupport.startProxyForGenesysDefaults(context, basedir)
return true
