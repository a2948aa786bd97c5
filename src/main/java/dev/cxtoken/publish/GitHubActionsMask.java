package dev.cxtoken.publish;

import dev.cxtoken.Secret;
import java.io.PrintStream;
import java.util.function.Function;

/**
 * Registers the token with GitHub Actions' log masking when the build runs there ({@code GITHUB_ACTIONS=true}): the
 * runner reads the workflow command {@code ::add-mask::<value>} from the step's standard output, removes that line
 * from the log, and shows {@code ***} wherever the value appears later in the job's log.
 *
 * <p>The command must reach the runner before anything else could print the token, so it is written straight to the
 * process's standard output, ahead of the token's property and the goal's own log line. Every execution registers its
 * token again, also one reused from earlier in the build: the runner ignores a value it masks already, and no state
 * needs sharing between modules.
 */
public final class GitHubActionsMask {
    private final Function<String, String> environment;
    private final PrintStream stdout;

    /**
     * @param environment the build's environment variables, null for unset ones
     * @param stdout the stream the runner reads: the process's standard output
     */
    public GitHubActionsMask(Function<String, String> environment, PrintStream stdout) {
        this.environment = environment;
        this.stdout = stdout;
    }

    /** Prints the mask command if this build runs on GitHub Actions; returns whether it did. */
    public boolean register(Secret value) {
        String flag = environment.apply("GITHUB_ACTIONS");
        if (flag == null || !flag.trim().equalsIgnoreCase("true")) {
            return false;
        }
        // One println call keeps the command on a line of its own, also when other threads print.
        stdout.println("::add-mask::" + escape(value.reveal()));
        stdout.flush();
        return true;
    }

    /** The escaping of workflow command data, as GitHub's own toolkit does it, so the runner masks the exact value. */
    static String escape(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }
}
