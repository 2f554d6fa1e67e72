using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChargingHub.Ocpp.Tests.Contracts;

/// <summary>One protocol version's catalog, samples and schema files, so both versions share the same checks.</summary>
internal sealed record ContractHarness(
    Type Catalog,
    IReadOnlyList<(string Name, JsonTypeInfo Request, JsonTypeInfo Response)> Actions,
    IReadOnlyDictionary<string, ActionSamples> Samples,
    Func<string, string> RequestSchema,
    Func<string, string> ResponseSchema)
{
    public static TheoryData<string, SampleKind> AllCases(IEnumerable<(string Name, JsonTypeInfo Request, JsonTypeInfo Response)> actions)
    {
        var data = new TheoryData<string, SampleKind>();
        foreach (var (name, _, _) in actions)
        {
            foreach (var kind in Enum.GetValues<SampleKind>())
            {
                data.Add(name, kind);
            }
        }

        return data;
    }

    public static TheoryData<string, bool> RequestAndResponseCases(IEnumerable<(string Name, JsonTypeInfo Request, JsonTypeInfo Response)> actions)
    {
        var data = new TheoryData<string, bool>();
        foreach (var (name, _, _) in actions)
        {
            data.Add(name, true);
            data.Add(name, false);
        }

        return data;
    }

    public (string Json, string SchemaFile) Serialize(string action, SampleKind kind)
    {
        var (_, request, response) = Actions.Single(a => a.Name == action);
        var typeInfo = kind.IsRequest() ? request : response;
        var sample = Samples[action].Get(kind);
        Assert.IsType(typeInfo.Type, sample);
        var schema = kind.IsRequest() ? RequestSchema(action) : ResponseSchema(action);
        return (JsonSerializer.Serialize(sample, typeInfo), schema);
    }

    public void AssertCatalogIsComplete(IEnumerable<string> expectedActions)
    {
        var properties = Catalog
            .GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(OcppAction<,>))
            .ToList();

        Assert.Equal(expectedActions.Order(), Actions.Select(a => a.Name).Order());
        Assert.Equal(properties.Select(p => p.Name).Order(), Actions.Select(a => a.Name).Order());
        foreach (var property in properties)
        {
            var action = property.GetValue(null)!;
            Assert.Equal(property.Name, property.PropertyType.GetProperty("Name")!.GetValue(action));
            var types = property.PropertyType.GetGenericArguments();
            Assert.Equal(property.Name + "Request", types[0].Name);
            Assert.Equal(property.Name + "Response", types[1].Name);
        }

        Assert.Equal(Actions.Select(a => a.Name).Order(), Samples.Keys.Order());
    }
}
