package org.fenestra.ui.internal.registry;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * One element contributed to a Fenestra extension point, with the attributes every point
 * shares (id, label, order) and lazy creation of its class, so a partner bundle is not
 * started until its contribution is used.
 *
 * @param <T> the interface the contributed class implements ({@link Void} for declarative points)
 */
public final class Contribution<T> {

    static final int DEFAULT_ORDER = 100;

    private final IConfigurationElement element;
    private final Class<T> type;
    private final int order;

    Contribution(IConfigurationElement element, Class<T> type, int order) {
        this.element = element;
        this.type = type;
        this.order = order;
    }

    public String id() {
        return element.getAttribute("id");
    }

    /** The {@code label} attribute, or {@code name} for points that call it so. */
    public String label() {
        String label = element.getAttribute("label");
        return label != null ? label : attribute("name", id());
    }

    public int order() {
        return order;
    }

    /** Symbolic name of the bundle that contributed this element. */
    public String contributor() {
        return element.getContributor().getName();
    }

    public String attribute(String name, String defaultValue) {
        String value = element.getAttribute(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    /** Creates a new instance of the contributed {@code class}. */
    public T newInstance() throws CoreException {
        Object created = element.createExecutableExtension("class");
        if (!type.isInstance(created)) {
            throw new CoreException(Status.error(contributor() + ": " + created.getClass().getName()
                    + " contributed as " + id() + " does not implement " + type.getName()));
        }
        return type.cast(created);
    }

    /** A status naming this contribution, for errors raised while using it. */
    public IStatus error(String message, Throwable cause) {
        return Status.error(contributor() + " (" + id() + "): " + message, cause);
    }

    @Override
    public String toString() {
        return id() + " from " + contributor();
    }
}
