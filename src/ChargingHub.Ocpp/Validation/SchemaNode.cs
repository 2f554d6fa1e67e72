using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChargingHub.Ocpp;

/// <summary>
/// One compiled (sub)schema. Built once by <see cref="SchemaCompiler"/> and immutable afterwards,
/// so validation is thread-safe and allocates only when it finds a violation.
/// </summary>
internal sealed class SchemaNode
{
    private const int StackStringLimit = 256;

    /// <summary>Set for a <c>$ref</c> node: draft-04/06 ignore every keyword beside <c>$ref</c>.</summary>
    public SchemaNode? Reference { get; set; }

    public SchemaTypes Types { get; set; }

    public PropertyTable? Properties { get; set; }

    public bool AllowAdditionalProperties { get; set; } = true;

    public SchemaNode? AdditionalProperties { get; set; }

    public SchemaNode? Items { get; set; }

    public int MinItems { get; set; }

    public int MaxItems { get; set; } = int.MaxValue;

    public int MinLength { get; set; }

    public int MaxLength { get; set; } = int.MaxValue;

    public StringFormat Format { get; set; }

    public Regex? Pattern { get; set; }

    public EnumSet? Enum { get; set; }

    public NumberLimit? Minimum { get; set; }

    public NumberLimit? Maximum { get; set; }

    public NumberLimit? MultipleOf { get; set; }

    private bool HasStringChecks => MinLength > 0 || MaxLength != int.MaxValue || Format != StringFormat.None || Pattern is not null || Enum is not null;

    private bool HasNumberChecks => Minimum is not null || Maximum is not null || MultipleOf is not null;

    public ValidationFailure? Validate(JsonElement value)
    {
        var node = this;
        while (node.Reference is not null)
        {
            node = node.Reference;
        }

        return node.ValidateSelf(value);
    }

    private ValidationFailure? ValidateSelf(JsonElement value)
    {
        var kind = value.ValueKind;
        if (Types != SchemaTypes.Any && !HasType(value, kind))
        {
            return new ValidationFailure("type", "must be " + Describe(Types) + " but is " + Describe(value, kind));
        }

        switch (kind)
        {
            case JsonValueKind.Object:
                return ValidateObject(value);
            case JsonValueKind.Array:
                return ValidateArray(value);
            case JsonValueKind.String:
                return HasStringChecks ? ValidateString(value) : null;
            case JsonValueKind.Number:
                return ValidateNumber(value);
            default:
                return Enum is not null && !Enum.Contains(value) ? EnumFailure() : null;
        }
    }

    private ValidationFailure? ValidateObject(JsonElement value)
    {
        var table = Properties;
        var count = table?.Count ?? 0;
        Span<bool> seen = count <= 64 ? stackalloc bool[count] : new bool[count];
        ValidationFailure? additional = null;
        ValidationFailure? nested = null;

        foreach (var property in value.EnumerateObject())
        {
            var index = table is null ? -1 : table.IndexOf(property);
            if (index >= 0)
            {
                seen[index] = true;
                if (nested is null && additional is null && table!.Schemas[index] is { } schema)
                {
                    nested = schema.Validate(property.Value)?.AtProperty(table.Names[index]);
                }
            }
            else if (!AllowAdditionalProperties)
            {
                additional ??= new ValidationFailure("additionalProperties", "is not an allowed property").AtProperty(property.Name);
            }
            else if (nested is null && additional is null && AdditionalProperties is not null)
            {
                nested = AdditionalProperties.Validate(property.Value)?.AtProperty(property.Name);
            }
        }

        // Reported in the order ajv (and so the ocpp-rpc library) checks them: required, additionalProperties, properties.
        if (table is { HasRequired: true })
        {
            for (var i = 0; i < count; i++)
            {
                if (table.Required[i] && !seen[i])
                {
                    return new ValidationFailure("required", "is required but missing").AtProperty(table.Names[i]);
                }
            }
        }

        return additional ?? nested ?? (Enum is not null && !Enum.Contains(value) ? EnumFailure() : null);
    }

    private ValidationFailure? ValidateArray(JsonElement value)
    {
        var length = value.GetArrayLength();
        if (length > MaxItems)
        {
            return new ValidationFailure("maxItems", "must have at most " + MaxItems + " items but has " + length);
        }

        if (length < MinItems)
        {
            return new ValidationFailure("minItems", "must have at least " + MinItems + " items but has " + length);
        }

        if (Items is not null)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (Items.Validate(item) is { } failure)
                {
                    return failure.AtIndex(index);
                }

                index++;
            }
        }

        return Enum is not null && !Enum.Contains(value) ? EnumFailure() : null;
    }

    private ValidationFailure? ValidateString(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        raw = raw[1..^1];
        if (raw.IndexOf((byte)'\\') >= 0)
        {
            // Escapes are rare in OCPP payloads; unescaping through a string keeps this simple.
            return ValidateText(value.GetString()!);
        }

        char[]? rented = null;
        Span<char> chars = raw.Length <= StackStringLimit
            ? stackalloc char[raw.Length]
            : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            var length = Encoding.UTF8.GetChars(raw, chars);
            return ValidateText(chars[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private ValidationFailure? ValidateText(ReadOnlySpan<char> text)
    {
        if (MaxLength != int.MaxValue || MinLength > 0)
        {
            // JSON Schema counts characters (code points), not UTF-16 units.
            var length = text.Length <= MaxLength && text.Length / 2 >= MinLength ? text.Length : CountCodePoints(text);
            if (length > MaxLength)
            {
                return new ValidationFailure("maxLength", "must be at most " + MaxLength + " characters long but is " + length);
            }

            if (length < MinLength)
            {
                return new ValidationFailure("minLength", "must be at least " + MinLength + " characters long but is " + length);
            }
        }

        if (Pattern is not null && !Pattern.IsMatch(text))
        {
            return new ValidationFailure("pattern", "must match the pattern " + Pattern);
        }

        switch (Format)
        {
            case StringFormat.DateTime when !Rfc3339.IsDateTime(text):
                return new ValidationFailure("format", "must be an RFC 3339 date-time with offset");
            case StringFormat.Uri when !IsAbsoluteUri(text):
                return new ValidationFailure("format", "must be an absolute URI");
        }

        return Enum is not null && !Enum.Contains(text) ? EnumFailure() : null;
    }

    private ValidationFailure? ValidateNumber(JsonElement value)
    {
        if (HasNumberChecks)
        {
            var isDecimal = value.TryGetDecimal(out var exact);
            var approximate = isDecimal ? 0d : value.GetDouble();
            if (Maximum is { } maximum && (isDecimal ? maximum.IsBelow(exact) : maximum.IsBelow(approximate)))
            {
                return new ValidationFailure("maximum", "must be at most " + maximum);
            }

            if (Minimum is { } minimum && (isDecimal ? minimum.IsAbove(exact) : minimum.IsAbove(approximate)))
            {
                return new ValidationFailure("minimum", "must be at least " + minimum);
            }

            if (MultipleOf is { } step && !(isDecimal ? step.Divides(exact) : step.Divides(approximate)))
            {
                return new ValidationFailure("multipleOf", "must be a multiple of " + step);
            }
        }

        return Enum is not null && !Enum.Contains(value) ? EnumFailure() : null;
    }

    private ValidationFailure EnumFailure() => new("enum", "must be one of: " + Enum!.Description);

    private bool HasType(JsonElement value, JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => (Types & SchemaTypes.Object) != 0,
        JsonValueKind.Array => (Types & SchemaTypes.Array) != 0,
        JsonValueKind.String => (Types & SchemaTypes.String) != 0,
        JsonValueKind.True or JsonValueKind.False => (Types & SchemaTypes.Boolean) != 0,
        JsonValueKind.Null => (Types & SchemaTypes.Null) != 0,
        JsonValueKind.Number => (Types & SchemaTypes.Number) != 0 || ((Types & SchemaTypes.Integer) != 0 && IsInteger(value)),
        _ => false,
    };

    private static string Describe(SchemaTypes types) => types.ToString().ToLowerInvariant().Replace(", ", " or ", StringComparison.Ordinal);

    private static string Describe(JsonElement value, JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => IsInteger(value) ? "integer" : "number",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// A number written without fraction or exponent. Draft-04 semantics on purpose: the typed
    /// contracts read integers with System.Text.Json, which refuses <c>1.0</c>.
    /// </summary>
    internal static bool IsInteger(JsonElement value) =>
        value.TryGetInt64(out _) || JsonMarshal.GetRawUtf8Value(value).IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;

    private static int CountCodePoints(ReadOnlySpan<char> text)
    {
        var count = text.Length;
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]))
            {
                count--;
            }
        }

        return count;
    }

    private static bool IsAbsoluteUri(ReadOnlySpan<char> text)
    {
        // Uri.TryCreate alone would take "/path" for an absolute file URI on Unix; RFC 3986 wants a scheme.
        var colon = text.IndexOf(':');
        if (colon < 1 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text[..colon])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return Uri.TryCreate(text.ToString(), UriKind.Absolute, out _);
    }
}
