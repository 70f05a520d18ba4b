package io.legoj.examples.kvstore;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The commands by name, each with its arity as Redis states it (n: exactly n arguments with the
 * name; -n: at least n), and the dispatch that checks them.
 */
final class CommandTable {
    /** A command's implementation. */
    interface Handler {
        void run(Call call);
    }

    private record Command(String name, int arity, Handler handler) {
    }

    private final Map<String, Command> commands = new HashMap<>();

    /** Every command of the kvstore. */
    static CommandTable standard() {
        CommandTable t = new CommandTable();
        ServerCommands.register(t);
        KeyCommands.register(t);
        StringCommands.register(t);
        ListCommands.register(t);
        HashCommands.register(t);
        return t;
    }

    void add(String name, int arity, Handler handler) {
        commands.put(name, new Command(name, arity, handler));
    }

    /**
     * Runs the command of {@code call} and writes its reply, an error reply for an unknown command,
     * a wrong arity or a {@link KvError}.
     */
    void execute(Call call) {
        String name = new String(call.arg(0), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        Command c = commands.get(name);
        if (c == null) {
            call.out.error(unknown(call.args));
            return;
        }
        int argc = call.argc();
        if (c.arity() > 0 ? argc != c.arity() : argc < -c.arity()) {
            call.out.error(KvError.arity(c.name()).getMessage());
            return;
        }
        try {
            c.handler().run(call);
        } catch (KvError e) {
            call.out.error(e.getMessage());
        }
    }

    private static String unknown(List<byte[]> args) {
        StringBuilder sb = new StringBuilder("ERR unknown command '")
                .append(new String(args.get(0), StandardCharsets.UTF_8)).append("', with args beginning with: ");
        for (int i = 1; i < args.size(); i++) {
            sb.append('\'').append(new String(args.get(i), StandardCharsets.UTF_8)).append("' ");
        }
        return sb.toString();
    }
}
