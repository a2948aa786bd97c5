dev.cxtoken.testing.ItSupport.start(context, basedir).organization("stand-in-org", "Stand-in org").clientName("IT pipeline")
return true
