/** The thin mojo, its parameters, the one wiring that the mojo and the tests share, and the adapters to Maven's settings, session and log. */
package dev.cxtoken.plugin;
