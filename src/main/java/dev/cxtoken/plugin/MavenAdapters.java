package dev.cxtoken.plugin;

import dev.cxtoken.TokenLog;
import dev.cxtoken.token.ExecutorRenewals;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** Turns Maven's session, project and mojo into the goal's {@link BuildContext} and {@link Parameters}. */
final class MavenAdapters {
    private MavenAdapters() {}

    /**
     * The mojo's parameter fields by name. Reading them rather than listing them keeps the mojo's annotated fields the
     * only place where the parameters and their defaults are written. Maven's own objects and read-only values are
     * not parameters.
     */
    @SuppressWarnings("unchecked")
    static Parameters parameters(Object mojo) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> extra = null;
        List<Field> fields = new ArrayList<>();
        // The goals share their parameters through inheritance: cx-token:diagnose reads fetch-token's.
        for (Class<?> type = mojo.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            if (type.getName().startsWith("dev.cxtoken.")) {
                fields.addAll(Arrays.asList(type.getDeclaredFields()));
            }
        }
        for (Field field : fields) {
            if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("pluginVersion")) {
                continue;
            }
            Class<?> type = field.getType();
            if (type != String.class && type != boolean.class && type != Map.class) {
                continue;
            }
            field.setAccessible(true);
            Object value;
            try {
                value = field.get(mojo);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("The mojo's own field " + field.getName() + " is not readable", e);
            }
            if (type == Map.class) {
                extra = (Map<String, String>) value;
            } else if (value != null) {
                values.put(field.getName(), String.valueOf(value));
            }
        }
        return Parameters.of(values, extra);
    }

    static BuildContext context(MavenSession session, MavenProject project, SettingsDecrypter decrypter,
            TokenLog log) {
        Properties properties = project != null ? project.getProperties() : new Properties();
        ConcurrentMap<String, Object> store = BuildSessionStore.of(session.getRepositorySession().getData());
        BuildContext context = new BuildContext(name -> environmentVariable(session, name),
                new SettingsServerCredentials(session.getSettings(), decrypter),
                () -> SettingsProxies.select(session.getSettings(), decrypter,
                        () -> EnvironmentProxies.orJvmDefault(name -> environmentVariable(session, name))),
                store, properties,
                baseDirectory(session, project), session.isOffline(), log, RunnerStdout.of(System.out));
        return context.lifecycle(new SessionEndHook(session, store), ExecutorRenewals::new,
                Paths.get(System.getProperty("java.io.tmpdir"))).environmentNames(new Supplier<Set<String>>() {
                    private Set<String> names;

                    @Override
                    public Set<String> get() {
                        if (names == null) { // once per execution, and only when a check needs them
                            names = environmentNames(session);
                        }
                        return names;
                    }
                });
    }

    /** Where relative paths start: the project's directory, or where Maven was started when there is no project. */
    private static Path baseDirectory(MavenSession session, MavenProject project) {
        if (project != null && project.getBasedir() != null) {
            return project.getBasedir().toPath();
        }
        String root = session.getExecutionRootDirectory();
        return root != null ? Paths.get(root) : Paths.get("").toAbsolutePath();
    }

    private static Set<String> environmentNames(MavenSession session) {
        Set<String> names = new TreeSet<>();
        for (String property : session.getSystemProperties().stringPropertyNames()) {
            if (property.startsWith("env.")) {
                names.add(property.substring(4));
            }
        }
        return names;
    }

    /**
     * Reads the build's environment through the session rather than {@link System#getenv}: under mvnd the daemon's
     * own environment is not the client's.
     */
    private static String environmentVariable(MavenSession session, String name) {
        Properties system = session.getSystemProperties();
        String value = system.getProperty("env." + name);
        if (value == null && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            value = system.getProperty("env." + name.toUpperCase(Locale.ROOT));
        }
        return value;
    }
}
