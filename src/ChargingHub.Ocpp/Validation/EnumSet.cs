using System.Text.Json;

namespace ChargingHub.Ocpp;

/// <summary>The values an <c>enum</c> keyword allows. String members are hashed; others compared structurally.</summary>
internal sealed class EnumSet
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<JsonElement> _others = [];

    public EnumSet(JsonElement values)
    {
        foreach (var value in values.EnumerateArray())
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                _strings.Add(value.GetString()!);
            }
            else
            {
                // Detached copies: the schema document is disposed after compilation.
                _others.Add(value.Clone());
            }
        }

        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        Description = string.Join(", ", _strings.Take(12)) + (_strings.Count + _others.Count > 12 ? ", …" : string.Empty);
    }

    /// <summary>A short list of the allowed values for error messages.</summary>
    public string Description { get; }

    public bool Contains(ReadOnlySpan<char> value) => _lookup.Contains(value);

    public bool Contains(JsonElement value)
    {
        foreach (var other in _others)
        {
            if (JsonElement.DeepEquals(other, value))
            {
                return true;
            }
        }

        return false;
    }
}
