package org.fenestra.console.internal;

import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.DpValidation;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fenestra:validate ID [--dp NAME]}: has DPs hash the image's files again. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=validate" })
public final class ValidateCommand extends ConsoleCommand<ValidateCommand.Options> {

    @Command(name = "fenestra:validate", description = {
            "Has distribution points hash every file of an image's content again (all DPs holding it, or one).",
            "Each damaged or missing file is named with what was expected; exit status 1 then." })
    static final class Options {
        @Parameters(paramLabel = "ID", description = "the image's ID")
        String id;

        @Option(names = "--dp", paramLabel = "NAME", description = "only this DP")
        String dp;
    }

    @Reference
    private ContentDistribution distribution;

    public ValidateCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        List<DpValidation> validations = distribution.validate(options.id,
                options.dp == null ? List.of() : List.of(options.dp));
        if (validations.isEmpty()) {
            return options.id + " is on no distribution point";
        }
        StringBuilder out = new StringBuilder();
        for (DpValidation validation : validations) {
            out.append(validation.dpName()).append(": ").append(validation.valid() ? "valid" : "INVALID")
                    .append(System.lineSeparator());
            validation.report().lines().forEach(line -> out.append("  ").append(line).append(System.lineSeparator()));
        }
        String text = out.toString().stripTrailing();
        if (validations.stream().anyMatch(v -> !v.valid())) {
            throw new CommandFailedException(text + System.lineSeparator()
                    + "(fenestra:redistribute " + options.id + " --dp NAME repairs a DP)");
        }
        return text;
    }
}
