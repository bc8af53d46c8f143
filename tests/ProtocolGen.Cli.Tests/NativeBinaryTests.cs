using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using ProtocolGen.Tests.Shared;
using Xunit;

namespace ProtocolGen.Cli.Tests;

/// <summary>
/// README's publish command, <c>dotnet publish cli -r RID -c Release</c>, gives a native (AOT) binary with no
/// trim or AOT warnings, and that binary decodes the capture exactly as the library does in-process.
/// </summary>
public sealed class NativeBinaryTests
{
    [Fact]
    public void PublishingTheCli_GivesANativeBinaryWithoutWarnings_ThatDecodesTheCapture()
    {
        var root = Directory.CreateTempSubdirectory("protocolgen-aot-").FullName;
        try
        {
            var output = Path.Combine(root, "publish");

            // Its own artifacts folder, so the Release build never touches the repository's bin/ and obj/.
            var publish = DotnetCli.RunOrFail(RepositoryRoot.Path, "publish", "cli", "-r", RuntimeInformation.RuntimeIdentifier, "-c", "Release", "-o", output, "--artifacts-path", Path.Combine(root, "artifacts"), "--disable-build-servers");

            // MSBuild prints every warning as "file(line): warning CODE: text" (IL2026, IL3050, NETSDK1207...).
            Assert.DoesNotMatch(@"\bwarning [A-Z]+\d+", publish);
            var binary = Path.Combine(output, OperatingSystem.IsWindows() ? "protocolgen.exe" : "protocolgen");
            Assert.True(File.Exists(binary), publish);
            Assert.False(File.Exists(Path.Combine(output, "protocolgen.dll")), "a native binary needs no managed assembly beside it:\n" + publish);

            var expected = CliRun.Of("decode", TestData.RustInfoPath, "--json");
            var (exitCode, stdout, stderr) = RunBinary(binary, "decode", TestData.RustInfoPath, "--json");

            Assert.Equal(0, exitCode);
            Assert.Equal(expected.Text, stdout);
            Assert.Equal(expected.Error, stderr);
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the temporary folder is the system's to clean then.
            }
        }
    }

    private static (int ExitCode, string Output, string Error) RunBinary(string binary, params string[] arguments)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
