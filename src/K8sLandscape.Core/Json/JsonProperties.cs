using Newtonsoft.Json;

namespace K8sLandscape.Json;

/// <summary>
/// Property-by-property writing for the report writers: a name and its value in one call, instead of
/// <c>WritePropertyName</c> then <c>WriteValue</c>. Each overload calls the <c>WriteValue</c> of its
/// own type, so the text written is what the two calls wrote. This file is compiled into Core,
/// Analyzers and the CLI (linked), so every JSON writer shares one helper without a public API.
/// </summary>
internal static class JsonProperties
{
    /// <summary>Writes <c>"name": value</c> (<c>null</c> when the value is null).</summary>
    public static void Property(this JsonWriter w, string name, string? value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    /// <summary>Writes <c>"name": value</c>.</summary>
    public static void Property(this JsonWriter w, string name, int value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    /// <summary>Writes <c>"name": value</c> (<c>null</c> when the value is null).</summary>
    public static void Property(this JsonWriter w, string name, int? value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    /// <summary>Writes <c>"name": value</c>.</summary>
    public static void Property(this JsonWriter w, string name, long value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    /// <summary>Writes <c>"name": value</c>.</summary>
    public static void Property(this JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    /// <summary>Writes <c>"name": value</c>.</summary>
    public static void Property(this JsonWriter w, string name, bool value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    /// <summary>Writes <c>"name": value</c> only when the value is not null (for fields the schema marks optional).</summary>
    public static void OptionalProperty(this JsonWriter w, string name, string? value)
    {
        if (value is not null) w.Property(name, value);
    }

    /// <summary>Writes <c>"name": [values...]</c>.</summary>
    public static void Strings(this JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var v in values) w.WriteValue(v);
        w.WriteEndArray();
    }
}
