dev.cxtoken.testing.ItSupport.useSettingsSecurity(context, basedir)
return true
