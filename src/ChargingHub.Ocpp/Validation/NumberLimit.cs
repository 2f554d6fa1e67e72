using System.Globalization;
using System.Text.Json;

namespace ChargingHub.Ocpp;

/// <summary>
/// A numeric schema constant (<c>minimum</c>, <c>maximum</c>, <c>multipleOf</c>). Compared in
/// <see cref="decimal"/> where both sides fit, so <c>0.3</c> is a multiple of <c>0.1</c> as a
/// reader of the schema expects; in <see cref="double"/> otherwise.
/// </summary>
internal sealed class NumberLimit
{
    private readonly decimal? _exact;
    private readonly double _approximate;
    private readonly string _text;

    public NumberLimit(JsonElement value)
    {
        _exact = value.TryGetDecimal(out var exact) ? exact : null;
        _approximate = value.GetDouble();
        _text = _exact?.ToString(CultureInfo.InvariantCulture) ?? _approximate.ToString(CultureInfo.InvariantCulture);
    }

    public bool IsBelow(decimal value) => _exact is { } limit ? value > limit : (double)value > _approximate;

    public bool IsBelow(double value) => value > _approximate;

    public bool IsAbove(decimal value) => _exact is { } limit ? value < limit : (double)value < _approximate;

    public bool IsAbove(double value) => value < _approximate;

    public bool Divides(decimal value) => _exact is { } step ? value % step == 0 : Divides((double)value);

    public bool Divides(double value)
    {
        var quotient = value / _approximate;
        return double.IsFinite(quotient) && Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
    }

    public override string ToString() => _text;
}
