dev.cxtoken.testing.ItSupport.startCxoneAccessKey(context)
return true
