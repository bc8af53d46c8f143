using System.Text;

namespace ProtocolGen.Generator.Parsing;

internal static class NameConventions
{
    /// <summary>A type's own name from its fully qualified one: <c>global::N.IpProtocol</c> to <c>IpProtocol</c>, <c>global::Ping</c> to <c>Ping</c>.</summary>
    public static string ShortName(string fullyQualified)
    {
        var lastDot = fullyQualified.LastIndexOf('.');
        return lastDot < 0 ? fullyQualified.Replace("global::", string.Empty) : fullyQualified.Substring(lastDot + 1);
    }

    /// <summary><c>ProcessId</c> to <c>process_id</c>, <c>RemoteIPAddress</c> to <c>remote_ip_address</c>, <c>LocalIpV4</c> to <c>local_ip_v4</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '_';
                var next = i + 1 < name.Length ? name[i + 1] : '_';
                var startsWord = i > 0 && previous != '_' &&
                    (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)));
                if (startsWord)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A member's name as C# source: <c>@event</c> for a member named <c>event</c>.</summary>
    public static string EscapeKeyword(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

    /// <summary>A camelCase local name for a member, escaped when it is a keyword.</summary>
    public static string ToLocalName(string memberName)
    {
        var local = char.ToLowerInvariant(memberName[0]) + memberName.Substring(1);
        return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(local) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
            || Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetContextualKeywordKind(local) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
            ? "@" + local
            : local;
    }
}
