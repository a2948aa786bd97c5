dev.cxtoken.testing.ItSupport.startCxone(context)
return true
