dev.cxtoken.testing.ItSupport.start(context, basedir).expiresIn(8)
return true
