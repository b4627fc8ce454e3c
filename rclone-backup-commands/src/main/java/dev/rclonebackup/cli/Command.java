package dev.rclonebackup.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The commands of the command line, in the order the help lists them. Each constant is the one
 * place that names its command and makes its class.
 */
public enum Command {
    DBBACKUP {
        @Override
        OperationCommand<?> create(CliContext context) {
            return new DbBackupCommand(context);
        }
    },
    DBRESTORE {
        @Override
        OperationCommand<?> create(CliContext context) {
            return new DbRestoreCommand(context);
        }
    },
    MEDIABACKUP {
        @Override
        OperationCommand<?> create(CliContext context) {
            return new MediaBackupCommand(context);
        }
    },
    MEDIARESTORE {
        @Override
        OperationCommand<?> create(CliContext context) {
            return new MediaRestoreCommand(context);
        }
    },
    LISTBACKUPS {
        @Override
        OperationCommand<?> create(CliContext context) {
            return new ListBackupsCommand(context);
        }
    },
    CLEANUP {
        @Override
        OperationCommand<?> create(CliContext context) {
            return new CleanupCommand(context);
        }
    },
    CHECK {
        @Override
        OperationCommand<?> create(CliContext context) {
            return new CheckCommand(context);
        }
    },
    DBVERIFY {
        @Override
        OperationCommand<?> create(CliContext context) {
            return new DbVerifyCommand(context);
        }
    };

    /** What the user types: the constant's name in lower case. */
    public String commandName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The command typed as {@code name}; null when there is none. */
    public static Command named(String name) {
        for (Command command : values()) {
            if (command.commandName().equals(name)) {
                return command;
            }
        }
        return null;
    }

    /** Every command's name, in the order the help lists them. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Command command : values()) {
            names.add(command.commandName());
        }
        return List.copyOf(names);
    }

    /** A new instance of this command's class. */
    abstract OperationCommand<?> create(CliContext context);
}
