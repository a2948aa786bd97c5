dev.cxtoken.testing.ItSupport.startCxoneAccessKey(context)
// Maven 4 decrypts the shared settings.xml at start-up, so every IT passes its settings-security.xml.
dev.cxtoken.testing.ItSupport.useSettingsSecurity(context, basedir)
return true
