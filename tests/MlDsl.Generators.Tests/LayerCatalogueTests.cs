using System.Reflection;
using MlDsl.Shapes;

namespace MlDsl.Generators.Tests;

/// <summary>The catalogue is the one place a layer lives: every definition has its runtime attribute and the other way round.</summary>
public sealed class LayerCatalogueTests
{
    private static readonly Type[] LayerAttributes = typeof(MlDsl.LayerAttribute).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && type.IsSubclassOf(typeof(MlDsl.LayerAttribute)))
        .ToArray();

    [Fact]
    public void Every_layer_attribute_in_the_runtime_has_a_definition_in_the_catalogue()
    {
        string[] missing = LayerAttributes
            .Where(attribute => !LayerCatalogue.TryFindByAttribute(attribute.FullName!, out _))
            .Select(attribute => attribute.Name)
            .ToArray();

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_definition_in_the_catalogue_has_its_attribute_in_the_runtime()
    {
        var attributes = LayerAttributes.Select(attribute => attribute.Name).ToHashSet();

        Assert.Empty(LayerCatalogue.All.Where(definition => !attributes.Contains(definition.Name + "Attribute")).Select(definition => definition.Name));
    }

    /// <summary>
    /// A definition reads its defaults itself (the generator cannot see property initialisers), so they must
    /// equal the attribute's: read an attribute built with only its constructor's arguments and compare.
    /// </summary>
    [Fact]
    public void Every_definition_reads_the_same_defaults_as_its_attribute_declares()
    {
        foreach (Type attributeType in LayerAttributes)
        {
            LayerCatalogue.TryFindByAttribute(attributeType.FullName!, out LayerDefinition definition);
            Type? generic = definition.GetType();
            while (generic is not null && !(generic.IsGenericType && generic.GetGenericTypeDefinition() == typeof(LayerDefinition<>))) generic = generic.BaseType;
            if (generic is null) continue; // no arguments at all

            ConstructorInfo constructor = attributeType.GetConstructors().Single();
            object?[] constructorValues = constructor.GetParameters().Select(parameter => parameter.HasDefaultValue ? parameter.DefaultValue : Sample(parameter.ParameterType)).ToArray();
            object attribute = constructor.Invoke(constructorValues);
            var given = LayerArguments.Of(constructor.GetParameters().Select((parameter, i) =>
                LayerArgument.Of(char.ToUpperInvariant(parameter.Name![0]) + parameter.Name[1..], constructorValues[i])).ToArray());
            object options = generic.GetMethod("Read")!.Invoke(definition, new object[] { given })!;

            foreach (PropertyInfo property in attributeType.GetProperties().Where(property => property.DeclaringType == attributeType))
            {
                PropertyInfo? option = options.GetType().GetProperty(property.Name);
                if (option is null) continue; // an option under another name (NFft -> FftSize) is checked by the layer's own tests
                object? expected = property.GetValue(attribute);
                object? actual = option.GetValue(options);
                // "0 means infer it" reads as null.
                if (expected is 0 && actual is null) continue;
                // One number for both axes of a 2-D size reads as the square pair.
                if (expected is int size && actual is Pair2d pair && pair == Pair2d.Square(size)) continue;
                Assert.True(Equals(expected, actual), $"{definition.Name}.{property.Name}: the attribute declares {expected}, the definition reads {actual}");
            }
        }
    }

    private static object Sample(Type type) =>
        type == typeof(int) || type == typeof(object) ? 7 : type == typeof(double) ? 0.25 : type == typeof(bool) ? true : type == typeof(int[]) ? new[] { 1, 0 } : throw new NotSupportedException(type.Name);
}
