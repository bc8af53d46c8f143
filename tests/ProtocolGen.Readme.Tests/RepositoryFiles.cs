using System;
using System.IO;

namespace ProtocolGen.Readme.Tests;

/// <summary>Files of the repository the tests run from.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProtocolGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ProtocolGen.sln above {AppContext.BaseDirectory}.");
    }
}
