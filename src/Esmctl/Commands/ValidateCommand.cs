using System.CommandLine;

namespace Esmctl.Commands;

public static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Manifest files or directories", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check manifests against the schema and the API's rules") { paths };
        command.SetAction(parseResult => ExitCodes.Error);
        return command;
    }
}
