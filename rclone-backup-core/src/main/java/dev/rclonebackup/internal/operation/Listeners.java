package dev.rclonebackup.internal.operation;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.BackupListener;
import dev.rclonebackup.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Calls several listeners in order, those listed in {@code META-INF/services} first; the first
 * exception stops the call and propagates (except for failure events, see {@link #on}). The listed ones are looked up at the first event, not
 * before: listing backups sends none, and the lookup opens every jar on the class path.
 */
public final class Listeners implements BackupListener {
    private final List<BackupListener> registered;
    private final ClassLoader classLoader;
    private volatile List<BackupListener> listeners;

    /**
     * @param serviceLoaded whether the listeners listed in {@code META-INF/services} are called;
     *                      they are looked up with the calling thread's context class loader, as
     *                      {@link ServiceLoader#load(Class)} would do here
     * @param registered    the listeners called after those, in this order
     */
    public Listeners(boolean serviceLoaded, List<BackupListener> registered) {
        this.registered = List.copyOf(registered);
        this.classLoader = Thread.currentThread().getContextClassLoader();
        this.listeners = serviceLoaded ? null : this.registered;
    }

    private List<BackupListener> listeners() {
        List<BackupListener> all = listeners;
        if (all == null) {
            synchronized (this) {
                if (listeners == null) {
                    listeners = withServiceLoaded();
                }
                all = listeners;
            }
        }
        return all;
    }

    private List<BackupListener> withServiceLoaded() {
        List<BackupListener> all = new ArrayList<>();
        try {
            ServiceLoader.load(BackupListener.class, classLoader).forEach(all::add);
        } catch (ServiceConfigurationError e) {
            throw new ConfigurationException(
                    "A listener listed in META-INF/services/" + BackupListener.class.getName() + " cannot be loaded: "
                            + e.getMessage(),
                    e);
        }
        all.addAll(registered);
        return List.copyOf(all);
    }

    /**
     * Calls every listener in order. For a failure event every listener is called whatever the
     * others do, and the first exception (with the later ones suppressed in it) is thrown at the end.
     */
    @Override
    public void on(BackupEvent event) {
        if (!event.type().isFailure()) {
            for (BackupListener listener : listeners()) {
                listener.on(event);
            }
            return;
        }
        RuntimeException failed = null;
        for (BackupListener listener : listeners()) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
