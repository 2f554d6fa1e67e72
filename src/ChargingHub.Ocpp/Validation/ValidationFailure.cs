using System.Text;

namespace ChargingHub.Ocpp;

/// <summary>
/// A violation on its way up the validator tree. Only failures allocate: each level that
/// the failure passes adds its path segment, so valid payloads never build paths.
/// </summary>
internal sealed class ValidationFailure(string keyword, string detail)
{
    private List<string>? _reversedSegments;

    public string Keyword { get; } = keyword;

    public ValidationFailure AtProperty(string name)
    {
        (_reversedSegments ??= []).Add(IsPlainName(name) ? "." + name : "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']");
        return this;
    }

    public ValidationFailure AtIndex(int index)
    {
        (_reversedSegments ??= []).Add("[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
        return this;
    }

    public OcppValidationError ToError()
    {
        var path = BuildPath();
        return new OcppValidationError(OcppSchemaValidator.CodeFor(Keyword), Keyword, path, path + ": " + detail);
    }

    private string BuildPath()
    {
        if (_reversedSegments is null)
        {
            return "$";
        }

        var builder = new StringBuilder("$");
        for (var i = _reversedSegments.Count - 1; i >= 0; i--)
        {
            builder.Append(_reversedSegments[i]);
        }

        return builder.ToString();
    }

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '$')
            {
                return false;
            }
        }

        return true;
    }
}
