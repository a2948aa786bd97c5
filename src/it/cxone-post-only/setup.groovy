dev.cxtoken.testing.ItSupport.startCxone(context, "post")
dev.cxtoken.testing.ItSupport.useSettingsSecurity(context, basedir)
return true
