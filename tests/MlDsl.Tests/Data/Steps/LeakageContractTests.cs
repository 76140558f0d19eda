using System.Reflection;
using MlDsl.Data.Encoding;
using MlDsl.Data.Imputation;
using MlDsl.Data.Resampling;
using MlDsl.Data.Selection;
using MlDsl.Data.Tuning;

namespace MlDsl.Tests.Data.Steps;

/// <summary>The leakage analysis reads [LearnsFrom] and [MultipliesRows]: every data step must carry them, naming a real parameter.</summary>
public sealed class LeakageContractTests
{
    private static readonly Type[] Fitting = { typeof(Imputer), typeof(SelectKBest), typeof(TargetEncoder), typeof(GridSearch), typeof(RandomSearch) };

    [Fact]
    public void Every_public_static_method_that_learns_from_rows_names_its_rows_parameter()
    {
        MethodInfo[] methods = Fitting.SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => method.Name is "Fit" or "FitApply" or "CrossValidate" or "OnValidation").ToArray();

        Assert.True(methods.Length >= 14, $"only {methods.Length} fitting methods found");
        Assert.All(methods, method =>
        {
            string parameter = method.GetCustomAttribute<LearnsFromAttribute>()?.Parameter
                ?? throw new Xunit.Sdk.XunitException($"{method.DeclaringType!.Name}.{method.Name} has no [LearnsFrom]");
            Assert.Contains(parameter, method.GetParameters().Select(p => p.Name));
            Assert.True(parameter is "train" or "split", $"{method.DeclaringType!.Name}.{method.Name} learns from '{parameter}'");
        });
    }

    [Fact]
    public void Every_oversampling_method_says_which_rows_it_multiplies()
    {
        MethodInfo[] methods = typeof(Oversampler).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);

        Assert.Equal(new[] { "Augment", "Random", "Smote" }, methods.Select(method => method.Name).Order());
        Assert.All(methods, method => Assert.Equal("train", method.GetCustomAttribute<MultipliesRowsAttribute>()?.Parameter));
    }

    [Fact]
    public void Audio_augmentation_says_which_rows_it_multiplies()
    {
        MethodInfo augment = typeof(MlDsl.Audio.Augmentation.AudioAugmentation).GetMethod(nameof(MlDsl.Audio.Augmentation.AudioAugmentation.Augment))!;

        Assert.Equal("train", augment.GetCustomAttribute<MultipliesRowsAttribute>()?.Parameter);
        Assert.Contains("train", augment.GetParameters().Select(p => p.Name));
    }

    [Fact]
    public void Fitted_steps_apply_to_rows_through_an_instance_method()
    {
        foreach (Type fitted in new[] { typeof(Imputer), typeof(SelectKBest), typeof(TargetEncoding<Purchase>) })
            Assert.Contains(fitted.GetMethods(BindingFlags.Public | BindingFlags.Instance), method => method.Name == "Apply" && method.ReturnType.IsArray);
    }
}
