namespace K8sLandscape.Analyzers;

/// <summary>
/// An analyzer's declared rules cannot be accepted: a duplicate, malformed or reserved id, or a
/// malformed message format. Thrown when the engine is built, naming the analyzer and the id.
/// </summary>
public sealed class AnalyzerRegistrationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public AnalyzerRegistrationException(string analyzerName, string? ruleId, string message)
        : base(message)
    {
        AnalyzerName = analyzerName;
        RuleId = ruleId;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public AnalyzerRegistrationException(string message)
        : this(string.Empty, null, message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public AnalyzerRegistrationException(string message, Exception innerException)
        : base(message, innerException)
    {
        AnalyzerName = string.Empty;
    }

    /// <summary>Creates the exception without details.</summary>
    public AnalyzerRegistrationException()
        : this("An analyzer's rules cannot be registered.")
    {
    }

    /// <summary>The analyzer (or validator) whose rule was rejected.</summary>
    public string AnalyzerName { get; }

    /// <summary>The rejected rule id, or null when the problem is not about one id.</summary>
    public string? RuleId { get; }
}
