package dev.cxtoken.provider;

import dev.cxtoken.InvalidConfigurationException;

/**
 * A token server the plugin knows: where it lives, which credentials it takes, how it is asked for a token, and what
 * its refusals mean. Each provider is one class, registered in {@link Providers}.
 */
public interface Provider {
    /** The value of the provider parameter: "genesys". */
    String id();

    /** The provider's name for people: "Genesys Cloud". */
    String title();

    /** Checks the options and fixes the endpoint (or the issuer to discover it from); sends nothing. */
    Login configure(ProviderOptions options) throws InvalidConfigurationException;
}
