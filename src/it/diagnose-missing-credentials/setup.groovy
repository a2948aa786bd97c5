dev.cxtoken.testing.ItSupport.start(context, basedir)
return true
