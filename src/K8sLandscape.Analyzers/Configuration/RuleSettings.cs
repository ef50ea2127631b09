using System.Text.Json;
using System.Text.Json.Serialization;
using K8sLandscape.Loading;

namespace K8sLandscape.Analyzers.Configuration;

/// <summary>
/// A rule's own settings, written under <c>rules: { ACME100: { options: { ... } } }</c> in the
/// configuration file or set in code with <see cref="AnalysisOptionsBuilder.SetRuleSettings"/>.
/// A rule reads them typed, through <see cref="AnalysisContext.GetSettings{T}"/>: the keys bind to
/// the properties of <c>T</c> (case-insensitive), a key <c>T</c> has no property for and a value of
/// the wrong type are configuration errors naming the file, line and key.
/// </summary>
public sealed class RuleSettings
{
    private static readonly JsonSerializerOptions Binding = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly IReadOnlyDictionary<string, SourceSpan> _locations;

    internal RuleSettings(JsonElement value, string key, SourceSpan source, IReadOnlyDictionary<string, SourceSpan>? locations = null)
    {
        Value = value;
        Key = key;
        Source = source;
        _locations = locations ?? new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
    }

    /// <summary>No settings: every property of the settings type keeps its default.</summary>
    public static RuleSettings Empty { get; } = new(JsonSerializer.SerializeToElement(new Dictionary<string, object>()), "options", SourceSpan.None);

    /// <summary>The settings as a JSON object (YAML scalars typed as YAML 1.2's core schema reads them).</summary>
    public JsonElement Value { get; }

    /// <summary>True when nothing was set.</summary>
    public bool IsEmpty => Value.ValueKind != JsonValueKind.Object || !Value.EnumerateObject().Any();

    /// <summary>Where the settings were written (the <c>options</c> key), or <see cref="SourceSpan.None"/> when set in code.</summary>
    public SourceSpan Source { get; }

    /// <summary>The key path errors name, such as <c>rules.ACME100.options</c>.</summary>
    public string Key { get; }

    /// <summary>Settings from an object (an anonymous object, a dictionary or a settings class), for options set in code.</summary>
    public static RuleSettings FromObject(string ruleId, object settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentNullException.ThrowIfNull(settings);
        var value = JsonSerializer.SerializeToElement(settings, settings.GetType(), Binding);
        if (value.ValueKind != JsonValueKind.Object) throw new ArgumentException("Rule settings must be an object with named values.", nameof(settings));
        return new RuleSettings(value, $"rules.{ruleId}.options", SourceSpan.None);
    }

    /// <summary>Binds the settings to a new <typeparamref name="T"/>; properties not set keep their initial values.</summary>
    /// <exception cref="ConfigurationException">A key <typeparamref name="T"/> has no property for, or a value of the wrong type.</exception>
    public T Get<T>()
        where T : class, new()
    {
        try
        {
            return Value.Deserialize<T>(Binding) ?? new T();
        }
        catch (JsonException ex)
        {
            var (path, what) = Describe(ex, typeof(T));
            var key = path.Length == 0 ? Key : $"{Key}.{path}";
            throw new ConfigurationException([new ConfigurationError(_locations.GetValueOrDefault(path, Source), key, what)]);
        }
    }

    private static (string Path, string Message) Describe(JsonException ex, Type type)
    {
        var path = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
        var text = ex.Message;
        const string Unmapped = "The JSON property '";
        if (text.StartsWith(Unmapped, StringComparison.Ordinal))
        {
            var name = text[Unmapped.Length..text.IndexOf('\'', Unmapped.Length)];
            var known = type.GetProperties().Where(p => p.CanWrite).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order(StringComparer.Ordinal);
            var at = path.Length == 0 ? name : path.EndsWith(name, StringComparison.Ordinal) ? path : $"{path}.{name}";
            return (at, $"unknown option '{name}'; expected one of {string.Join(", ", known)}");
        }

        var cut = text.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) text = text[..cut];
        return (path, text.Replace("The JSON value", "the value", StringComparison.Ordinal));
    }
}
