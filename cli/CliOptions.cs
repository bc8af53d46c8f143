using System.CommandLine;

namespace ProtocolGen.Cli;

/// <summary>The arguments and options that more than one command takes, declared once.</summary>
internal static class CliOptions
{
    public static Argument<string?> InputFile(string description)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = description,
            Arity = ArgumentArity.ZeroOrOne,
        };

        // The parser hands an unknown option to the file argument; say what it is rather than "no such file".
        file.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { Length: > 1 } value && value[0] == '-')
            {
                result.AddError($"Unrecognized option '{value}'.");
            }
        });
        return file;
    }

    public static Option<bool> Commands(string description) => new("--commands") { Description = description };
}
