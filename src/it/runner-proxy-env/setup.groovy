import dev.cxtoken.testing.ItSupport
import dev.cxtoken.testing.PipelineItSupport

ItSupport.start(context, basedir)
PipelineItSupport.startEnvironmentProxy(context, basedir, 38517)
return true
