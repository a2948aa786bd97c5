package dev.cxtoken.plugin;

import dev.cxtoken.CxTokenException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Prints what {@code fetch-token} would do with the same configuration, and sends nothing: the provider, the endpoint
 * and how it was found, where each credential would come from (never a value), the proxy route, the trust store, and
 * the reuse, renewal, revocation and org-pin settings. Fails, with fetch-token's own message, where fetch-token would
 * fail before sending anything. Runs without a project too: {@code mvn cx-token:diagnose -Dcxtoken.environment=…}.
 * Takes every parameter of fetch-token.
 */
@Mojo(name = "diagnose", threadSafe = true, requiresProject = false)
public class DiagnoseMojo extends FetchTokenMojo {
    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        MavenTokenLog log = new MavenTokenLog(getLog());
        BuildContext context = MavenAdapters.context(session, project, settingsDecrypter, log);
        try {
            getLog().info("What cx-token:fetch-token would do here (nothing is sent):");
            for (String line : new Diagnosis(context).run(MavenAdapters.parameters(this))) {
                getLog().info("  " + line);
            }
        } catch (CxTokenException e) {
            if (e.isUserFixable()) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
