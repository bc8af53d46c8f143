using System.CommandLine;

namespace ProtocolGen.Cli;

/// <summary>The arguments and options that more than one command takes, declared once.</summary>
internal static class CliOptions
{
    public static Argument<string?> InputFile(string description) => new("FILE")
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Option<bool> Commands(string description) => new("--commands") { Description = description };
}
