package org.fenestra.console.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/** {@code fenestra:status}: which Fenestra components DS has registered and in what state. */
@Component(service = StatusCommand.class, property = {
        "osgi.command.scope=fenestra",
        "osgi.command.function=status" })
public final class StatusCommand {

    @Reference
    private ServiceComponentRuntime runtime;

    @Descriptor("lists the Fenestra components registered by Declarative Services, their state and services")
    public String status() throws CommandFailedException {
        ComponentStatusReport report = ComponentStatusReport.of(runtime);
        String table = report.format();
        if (!report.allHealthy()) {
            // A script calling `fenestra --headless -c fenestra:status` should see the failure in its exit code.
            throw new CommandFailedException(table + "some Fenestra components are not satisfied");
        }
        return table;
    }
}
