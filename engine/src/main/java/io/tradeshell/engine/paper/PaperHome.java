package io.tradeshell.engine.paper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Where paper accounts live: {@code HOME/paper/NAME/}, HOME being {@code ~/.tradeshell} unless given. */
public record PaperHome(Path home) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** {@code ~/.tradeshell}. */
    public static PaperHome userDefault() {
        return new PaperHome(Path.of(System.getProperty("user.home"), ".tradeshell"));
    }

    public Path accounts() { return home.resolve("paper"); }

    /** The account called {@code name}; the name must be a plain file name. */
    public AccountFiles account(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("paper account name '" + name + "' is not allowed: use letters, digits, '.', '_' or '-' (up to 64)");
        }
        return new AccountFiles(accounts().resolve(name));
    }

    /** An account that must exist already. */
    public AccountFiles existing(String name) {
        AccountFiles files = account(name);
        if (!files.exists()) throw new IllegalArgumentException(files.missingReason());
        return files;
    }

    /** Every account, by name. */
    public List<AccountFiles> list() {
        if (!Files.isDirectory(accounts())) return List.of();
        List<AccountFiles> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(accounts())) {
            dirs.sorted().forEach(d -> {
                AccountFiles f = new AccountFiles(d);
                if (f.exists()) out.add(f);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list paper accounts in " + accounts() + ": " + e.getMessage(), e);
        }
        return out;
    }
}
