using MlDsl.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlDsl.Tests.Training;

/// <summary>
/// MlDsl's optimizers (Training/Optimizers) replace TorchSharp's steps only to hold their Scalars through the
/// native calls; every weight after several steps must equal TorchSharp's own optimizer's, to the bit, for each
/// option the step reads.
/// </summary>
public class OptimizerStepTests
{
    public static TheoryData<string> Settings => new()
    {
        "adam", "adam decay", "adam maximize", "adamw decay",
        "sgd", "sgd momentum decay", "sgd nesterov", "sgd dampening maximize",
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Steps_equal_torchsharps_optimizer_to_the_bit(string setting)
    {
        var (theirs, theirModel) = Make(setting, ours: false);
        var (ours, ourModel) = Make(setting, ours: true);
        Assert.NotEqual(theirs.GetType(), ours.GetType());
        Assert.Equal(theirs.GetType().Name, ours.GetType().Name); // checkpoints record the name

        var generator = new Generator(7);
        for (int step = 0; step < 5; step++)
        {
            using var scope = NewDisposeScope();
            Tensor input = randn([8, 6], generator: generator), target = randn([8, 3], generator: generator);
            foreach (var (optimizer, model) in new[] { (theirs, theirModel), (ours, ourModel) })
            {
                optimizer.zero_grad();
                nn.functional.mse_loss(model.forward(input), target).backward();
                optimizer.step();
            }
        }

        var expected = theirModel.parameters().ToList();
        var actual = ourModel.parameters().ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].eq(actual[i]).all().item<bool>(), $"{setting}: parameter {i} differs by {(expected[i] - actual[i]).abs().max().item<float>()}");
            Assert.False(expected[i].eq(Initial(i)).all().item<bool>(), $"{setting}: parameter {i} never moved, so the comparison proves nothing");
        }
    }

    private static Tensor Initial(int index) => Model().parameters().ElementAt(index);

    private static nn.Module<Tensor, Tensor> Model()
    {
        manual_seed(3);
        return nn.Sequential(nn.Linear(6, 5), nn.Tanh(), nn.Linear(5, 3));
    }

    private static (OptimizerHelper Optimizer, nn.Module<Tensor, Tensor> Model) Make(string setting, bool ours)
    {
        var model = Model();
        var parameters = model.parameters();
        bool decay = setting.Contains("decay");
        OptimizerHelper optimizer = setting.Split(' ')[0] switch
        {
            "adam" => ours ? new MlDsl.Training.Optimizers.Adam(parameters, 0.01, decay ? 0.05 : 0) : optim.Adam(parameters, lr: 0.01, weight_decay: decay ? 0.05 : 0),
            "adamw" => ours ? new MlDsl.Training.Optimizers.AdamW(parameters, 0.01, decay ? 0.05 : 0) : optim.AdamW(parameters, lr: 0.01, weight_decay: decay ? 0.05 : 0),
            _ => ours ? new MlDsl.Training.Optimizers.SGD(parameters, 0.05, setting == "sgd" ? 0 : 0.9, decay ? 0.05 : 0)
                : optim.SGD(parameters, 0.05, momentum: setting == "sgd" ? 0 : 0.9, weight_decay: decay ? 0.05 : 0),
        };
        // Options MlDsl's factory does not set are still honoured by the step: set them through the group, on both.
        foreach (TorchSharp.Modules.ParamGroup group in optimizer.ParamGroups)
            switch (group.Options)
            {
                case TorchSharp.Modules.Adam.Options adam:
                    adam.maximize = setting.Contains("maximize");
                    break;
                case TorchSharp.Modules.SGD.Options sgd:
                    sgd.nesterov = setting.Contains("nesterov");
                    sgd.dampening = setting.Contains("dampening") ? 0.3 : 0;
                    sgd.maximize = setting.Contains("maximize");
                    break;
            }
        return (optimizer, model);
    }
}
