dev.cxtoken.testing.ItSupport.startCxone(context)
dev.cxtoken.testing.ItSupport.useSettingsSecurity(context, basedir)
return true
