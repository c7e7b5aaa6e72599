package io.tradeshell.shell.console.commands;

import io.tradeshell.shell.present.View;
import io.tradeshell.shell.console.runs.SessionDefaults;
import io.tradeshell.shell.console.view.Output;
import io.tradeshell.shell.console.runs.SessionDefaults.Setting;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.console.view.Table;
import java.util.List;
import org.jline.reader.Candidate;

/** {@code set} and {@code get}: the session's run settings. */
public final class SettingsCommands {
    private SettingsCommands() { }

    static Setting setting(String key) {
        return Setting.find(key).orElseThrow(() -> new IllegalArgumentException("no setting '" + key + "'; settings are "
                + String.join(", ", Setting.keys())));
    }

    static void table(SessionDefaults defaults, Output out, List<Setting> settings) {
        Table t = Table.of("setting", "value", "meaning");
        for (Setting s : settings) t.row(new org.jline.utils.AttributedString(s.key, Styles.NAME), defaults.get(s), s.meaning);
        out.println(View.of(t.block()));
    }

    /** {@code set NAME VALUE}. */
    public static final class Set extends ConsoleCommand {
        private final SessionDefaults defaults;

        public Set(SessionDefaults defaults, Output output) {
            super(output, new Help("set", List.of(), List.of("set NAME VALUE"),
                    "Set cash, commission, slippage or fill for the session's runs.",
                    List.of("Every run and backtest(...) after it uses the value unless its own option says otherwise."),
                    List.of("set cash 50000", "set commission share:0.005:1", "set slippage 2", "set fill close")));
            this.defaults = defaults;
        }

        @Override
        protected void run(List<String> args) {
            if (args.size() != 2) throw usage("set needs a NAME and a VALUE");
            Setting s = setting(args.get(0));
            defaults.set(s, args.get(1));
            table(defaults, out(), List.of(s));
        }

        @Override
        public void complete(List<String> args, String partial, List<Candidate> out) {
            if (args.isEmpty()) {
                for (Setting s : Setting.values()) out.add(candidate(s.key, s.meaning));
            } else if (args.size() == 1 && Setting.find(args.get(0)).orElse(null) == Setting.FILL) {
                out.add(candidate("next-open", "realistic"));
                out.add(candidate("close", "optimistic"));
            }
        }
    }

    /** {@code get [NAME]}. */
    public static final class Get extends ConsoleCommand {
        private final SessionDefaults defaults;

        public Get(SessionDefaults defaults, Output output) {
            super(output, new Help("get", List.of(), List.of("get [NAME]"), "The session's run settings, or one of them.",
                    List.of(), List.of("get", "get cash")));
            this.defaults = defaults;
        }

        @Override
        protected void run(List<String> args) {
            if (args.size() > 1) throw usage("get takes at most one NAME");
            table(defaults, out(), args.isEmpty() ? List.of(Setting.values()) : List.of(setting(args.get(0))));
        }

        @Override
        public void complete(List<String> args, String partial, List<Candidate> out) {
            if (args.isEmpty()) for (Setting s : Setting.values()) out.add(candidate(s.key, s.meaning));
        }
    }
}
