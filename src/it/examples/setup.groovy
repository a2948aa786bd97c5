import dev.cxtoken.testing.ItSupport

ItSupport.copyExamples(basedir)
ItSupport.start(context, basedir)
return true
