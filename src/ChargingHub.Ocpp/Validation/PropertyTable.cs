using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ChargingHub.Ocpp;

/// <summary>
/// The properties an object schema names (declared or required), looked up by the raw UTF-8
/// name in the payload without allocating a string for it.
/// </summary>
internal sealed class PropertyTable
{
    private const int StackNameLimit = 128;

    private readonly Dictionary<string, int> _indexes;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public PropertyTable(string[] names, SchemaNode?[] schemas, bool[] required)
    {
        Names = names;
        Schemas = schemas;
        Required = required;
        _indexes = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            _indexes.Add(names[i], i);
        }

        _lookup = _indexes.GetAlternateLookup<ReadOnlySpan<char>>();
        HasRequired = Array.IndexOf(required, true) >= 0;
    }

    public string[] Names { get; }

    /// <summary>Per property its schema, or null for a name that only <c>required</c> mentions.</summary>
    public SchemaNode?[] Schemas { get; }

    public bool[] Required { get; }

    public bool HasRequired { get; }

    public int Count => Names.Length;

    public int IndexOf(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length <= StackNameLimit && raw.IndexOf((byte)'\\') < 0)
        {
            // Sized to the name: stack memory is zeroed on every call.
            Span<char> chars = stackalloc char[raw.Length];
            var length = Encoding.UTF8.GetChars(raw, chars);
            return _lookup.TryGetValue(chars[..length], out var index) ? index : -1;
        }

        // Escaped or very long names are rare enough to pay for a string.
        return _indexes.TryGetValue(property.Name, out var slow) ? slow : -1;
    }
}
