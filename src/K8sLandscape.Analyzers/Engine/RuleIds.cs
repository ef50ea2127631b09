using System.Text.RegularExpressions;

namespace K8sLandscape.Analyzers;

/// <summary>The shape of rule ids: 2–8 capital letters, then 3–5 digits. <c>KL</c> is reserved for built-in rules.</summary>
public static partial class RuleIds
{
    /// <summary>The prefix of built-in rules; custom rules must use their own.</summary>
    public const string ReservedPrefix = "KL";

    /// <summary>True for ids such as <c>KL3001</c> or <c>ACME001</c>.</summary>
    public static bool IsWellFormed(string? id) => id is not null && Shape().IsMatch(id);

    /// <summary>True for ids in the built-in <c>KL</c> range (any well-formed id starting with <c>KL</c> and a digit).</summary>
    public static bool IsReserved(string id) =>
        id is not null && id.Length > 2 && id.StartsWith(ReservedPrefix, StringComparison.Ordinal) && char.IsAsciiDigit(id[2]);

    [GeneratedRegex("^[A-Z]{2,8}[0-9]{3,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
