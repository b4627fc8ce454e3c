package dev.rclonebackup.cli.config;

import dev.rclonebackup.settings.Settings;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies {@code RCLONE_BACKUP_<KEY>} variables over the file: one per {@link ScalarSetting},
 * named by upper-casing the dotted key and turning {@code .} and {@code -} into {@code _}
 * ({@code RCLONE_BACKUP_DB_CLEANUP_KEEP}). Values are literal (no {@code ${VAR}} expansion),
 * parsed into the setting's type; {@code RCLONE_BACKUP_RCLONE_FLAGS} is split at whitespace.
 * A variable set to an empty value is ignored, as if unset.
 */
final class EnvironmentOverrides {
    private EnvironmentOverrides() {
    }

    /**
     * @param relativeTo the folder relative paths in variables are resolved against
     * @return the settings that were overridden, each with the variable that did it
     */
    static Map<ScalarSetting, String> apply(Map<String, String> environment, Path relativeTo, Settings.Builder builder) {
        Map<ScalarSetting, String> applied = new LinkedHashMap<>();
        for (ScalarSetting setting : ScalarSetting.ALL) {
            String variable = setting.environmentVariable();
            String text = environment.get(variable);
            if (text == null || text.isBlank()) {
                continue;
            }
            ValueReader values = new ValueReader(variable, null, relativeTo);
            setting.apply(builder, values.parse(setting.key(), text, setting.type()));
            applied.put(setting, variable);
        }
        return applied;
    }
}
