using System.Text.Json;

namespace ChargingHub.Ocpp.Tests.Validation;

/// <summary>Every supported keyword on hand-written schemas, including forms the OCPP schemas do not use today.</summary>
public sealed class SchemaKeywordTests
{
    [Theory]
    [InlineData("""{"type":["string","null"]}""", "\"x\"", null)]
    [InlineData("""{"type":["string","null"]}""", "null", null)]
    [InlineData("""{"type":["string","null"]}""", "1", "type")]
    [InlineData("""{"type":"integer"}""", "1", null)]
    [InlineData("""{"type":"integer"}""", "-0", null)]
    [InlineData("""{"type":"integer"}""", "100000000000000000000000000000000", null)]
    [InlineData("""{"type":"integer"}""", "1.0", "type")]
    [InlineData("""{"type":"integer"}""", "1e2", "type")]
    [InlineData("""{"type":"integer"}""", "1.5", "type")]
    [InlineData("""{"type":"integer"}""", "\"1\"", "type")]
    [InlineData("""{"type":"number"}""", "1", null)]
    [InlineData("""{"type":"number"}""", "1.5e-3", null)]
    [InlineData("""{"type":"number"}""", "true", "type")]
    [InlineData("""{"type":"boolean"}""", "false", null)]
    [InlineData("""{"type":"boolean"}""", "\"true\"", "type")]
    [InlineData("""{"type":"null"}""", "null", null)]
    [InlineData("""{"type":"null"}""", "0", "type")]
    [InlineData("""{"type":"array"}""", "[]", null)]
    [InlineData("""{"type":"array"}""", "{}", "type")]
    [InlineData("""{"type":"object"}""", "{}", null)]
    [InlineData("""{"type":"object"}""", "[]", "type")]
    [InlineData("""{}""", "[1,{\"a\":null}]", null)]
    public void Validate_Type_ChecksJsonKinds(string schema, string json, string? keyword)
    {
        Assert.Equal(keyword, Check(schema, json)?.Keyword);
    }

    [Theory]
    [InlineData("\"ab\"", null)]
    [InlineData("\"abc\"", "maxLength")]
    [InlineData("\"a\"", "minLength")]
    [InlineData("\"😀😀\"", null)] // two code points, four UTF-16 units
    [InlineData("\"😀😀😀\"", "maxLength")]
    [InlineData("\"\\u00e9\\u00e9\"", null)] // escaped, still two characters
    [InlineData("\"\\u00e9\"", "minLength")]
    public void Validate_Length_CountsCodePoints(string json, string? keyword)
    {
        Assert.Equal(keyword, Check("""{"type":"string","minLength":2,"maxLength":2}""", json)?.Keyword);
    }

    [Fact]
    public void Validate_LongString_ChecksMaxLength()
    {
        var schema = """{"type":"string","maxLength":1000}""";

        Assert.Null(Check(schema, "\"" + new string('x', 1000) + "\""));
        var error = Check(schema, "\"" + new string('x', 1001) + "\"");
        Assert.Equal("maxLength", error?.Keyword);
        Assert.Equal(RpcErrorCode.FormatViolation, error?.Code);
    }

    [Theory]
    [InlineData("\"ABC\"", null)]
    [InlineData("\"abc\"", "pattern")]
    [InlineData("\"ABCD\"", "pattern")]
    public void Validate_Pattern_IsPropertyConstraint(string json, string? keyword)
    {
        var error = Check("""{"type":"string","pattern":"^[A-Z]{3}$"}""", json);

        Assert.Equal(keyword, error?.Keyword);
        if (keyword is not null)
        {
            Assert.Equal(RpcErrorCode.PropertyConstraintViolation, error?.Code);
        }
    }

    [Theory]
    [InlineData("1", null)]
    [InlineData("\"two\"", null)]
    [InlineData("null", null)]
    [InlineData("{\"a\":1}", null)]
    [InlineData("[1,2]", null)]
    [InlineData("2", "enum")]
    [InlineData("\"Two\"", "enum")]
    [InlineData("{\"a\":2}", "enum")]
    [InlineData("[2,1]", "enum")]
    public void Validate_Enum_ComparesAnyJsonValue(string json, string? keyword)
    {
        Assert.Equal(keyword, Check("""{"enum":[1,"two",null,{"a":1},[1,2]]}""", json)?.Keyword);
    }

    [Theory]
    [InlineData("0", null)]
    [InlineData("100", null)]
    [InlineData("-0.0001", "minimum")]
    [InlineData("100.0001", "maximum")]
    [InlineData("1e300", "maximum")]
    [InlineData("-1e300", "minimum")]
    public void Validate_Bounds_AreInclusive(string json, string? keyword)
    {
        Assert.Equal(keyword, Check("""{"type":"number","minimum":0,"maximum":100}""", json)?.Keyword);
    }

    [Theory]
    [InlineData("0.3", null)]
    [InlineData("16.1", null)]
    [InlineData("-7", null)]
    [InlineData("0.35", "multipleOf")]
    [InlineData("1e30", null)] // beyond decimal: compared in double
    public void Validate_MultipleOf_IsExactForDecimals(string json, string? keyword)
    {
        var error = Check("""{"type":"number","multipleOf":0.1}""", json);

        Assert.Equal(keyword, error?.Keyword);
        if (keyword is not null)
        {
            Assert.Equal(RpcErrorCode.OccurrenceConstraintViolation, error?.Code);
        }
    }

    [Theory]
    [InlineData("[1]", null, null)]
    [InlineData("[1,2,3]", null, null)]
    [InlineData("[]", "minItems", "$")]
    [InlineData("[1,2,3,4]", "maxItems", "$")]
    [InlineData("[1,\"2\",3]", "type", "$[1]")]
    public void Validate_Items_ChecksCountAndEachItem(string json, string? keyword, string? path)
    {
        var error = Check("""{"type":"array","items":{"type":"integer"},"minItems":1,"maxItems":3}""", json);

        Assert.Equal(keyword, error?.Keyword);
        Assert.Equal(path, error?.Path);
    }

    [Theory]
    [InlineData("""{"a":1,"b":2}""", null, null)]
    [InlineData("""{"a":1,"b":"x"}""", "type", "$.b")]
    [InlineData("""{"a":"x"}""", "type", "$.a")]
    public void Validate_AdditionalPropertiesSchema_ValidatesUndeclaredProperties(string json, string? keyword, string? path)
    {
        var error = Check("""{"type":"object","properties":{"a":{"type":"integer"}},"additionalProperties":{"type":"integer"}}""", json);

        Assert.Equal(keyword, error?.Keyword);
        Assert.Equal(path, error?.Path);
    }

    [Fact]
    public void Validate_RequiredButUndeclared_IsStillRequired()
    {
        var error = Check("""{"type":"object","required":["id"]}""", """{"other":1}""");

        Assert.Equal("required", error?.Keyword);
        Assert.Equal("$.id", error?.Path);
    }

    [Theory]
    [InlineData("""{"\u0061":1}""", null)] // escaped name of the declared property "a"
    [InlineData("""{"a":1,"we ird":2}""", "$['we ird']")]
    [InlineData("""{"a":1,"1st":2}""", "$['1st']")]
    public void Validate_PropertyNames_AreUnescapedAndRenderedInPath(string json, string? path)
    {
        var error = Check("""{"type":"object","properties":{"a":{"type":"integer"}},"additionalProperties":false}""", json);

        Assert.Equal(path, error?.Path);
    }

    [Fact]
    public void Validate_VeryLongPropertyName_IsLookedUp()
    {
        var name = new string('p', 300);
        var schema = $$$"""{"type":"object","properties":{"{{{name}}}":{"type":"integer"}},"required":["{{{name}}}"]}""";

        Assert.Null(Check(schema, $$"""{"{{name}}":1}"""));
        Assert.Equal("type", Check(schema, $$"""{"{{name}}":"x"}""")?.Keyword);
    }

    [Fact]
    public void Validate_RecursiveRef_FollowsDefinition()
    {
        var schema = """
            {"definitions":{"node":{"type":"object","properties":{"child":{"$ref":"#/definitions/node"}},"additionalProperties":false}},
             "$ref":"#/definitions/node"}
            """;

        Assert.Null(Check(schema, """{"child":{"child":{"child":{}}}}"""));
        Assert.Equal("$.child.child.x", Check(schema, """{"child":{"child":{"x":1}}}""")?.Path);
    }

    [Fact]
    public void Validate_RefSiblings_AreIgnoredAsInDraft06()
    {
        var schema = """{"definitions":{"s":{"type":"string"}},"properties":{"a":{"$ref":"#/definitions/s","maxLength":1}}}""";

        Assert.Null(Check(schema, """{"a":"long"}"""));
        Assert.Equal("type", Check(schema, """{"a":1}""")?.Keyword);
    }

    [Fact]
    public void Validate_RefWithEscapedPointer_Resolves()
    {
        var schema = """{"definitions":{"a/b":{"type":"integer"},"c~d":{"type":"string"}},"properties":{"x":{"$ref":"#/definitions/a~1b"},"y":{"$ref":"#/definitions/c~0d"}}}""";

        Assert.Null(Check(schema, """{"x":1,"y":"z"}"""));
        Assert.Equal("$.y", Check(schema, """{"x":1,"y":2}""")?.Path);
    }

    [Fact]
    public void Validate_Annotations_AreIgnored()
    {
        var schema = """{"$schema":"http://json-schema.org/draft-06/schema#","$id":"urn:x","$comment":"c","title":"t","description":"d","javaType":"J","default":{},"type":"object"}""";

        Assert.Null(Check(schema, "{}"));
    }

    [Theory]
    [InlineData("""{"uniqueItems":true}""", "uniqueItems")]
    [InlineData("""{"oneOf":[{"type":"string"}]}""", "oneOf")]
    [InlineData("""{"properties":{"a":{"exclusiveMinimum":0}}}""", "exclusiveMinimum")]
    [InlineData("""{"format":"email"}""", "email")]
    [InlineData("""{"type":"float"}""", "float")]
    [InlineData("""{"items":[{"type":"string"}]}""", "schema must be a JSON object")]
    [InlineData("""{"$ref":"other.json#/definitions/x"}""", "local")]
    [InlineData("""{"$ref":"#/definitions/missing"}""", "does not resolve")]
    [InlineData("""{"maxLength":-1}""", "non-negative")]
    [InlineData("""{"multipleOf":0}""", "positive")]
    public void Compile_UnsupportedSchema_Throws(string schema, string reason)
    {
        var exception = Assert.Throws<NotSupportedException>(() => Check(schema, "{}"));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    private static OcppValidationError? Check(string schema, string json)
    {
        using var schemaDocument = JsonDocument.Parse(schema);
        var validator = OcppSchemaValidator.Create([(OcppVersion.V201, "Test", OcppPayloadKind.Request, schemaDocument.RootElement)]);
        using var document = JsonDocument.Parse(json);
        return validator.Validate(OcppVersion.V201, "Test", OcppPayloadKind.Request, document.RootElement);
    }
}
