using System.Collections;
using MlDsl.Persistence;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace MlDsl.Deployment.PyTorch;

/// <summary>
/// A generated model's weights in PyTorch's own format, beside its PyTorch module source, and PyTorch
/// state_dicts read back. The pickled zip that <c>torch.save(model.state_dict())</c> writes is read and written
/// by TorchSharp.PyBridge; keys are the generated members' names (<c>conv1.weight</c>, <c>stage2.down.conv1.weight</c>).
/// </summary>
public static class PyTorchExport
{
    /// <summary>Writes <c>{name}.py</c> and <c>{name}.pt</c> into <paramref name="directory"/> (created when missing).</summary>
    /// <returns>The paths of the source and the weights.</returns>
    /// <exception cref="ModelFileException">The directory cannot be written.</exception>
    public static (string Source, string Weights) Write(nn.Module model, string name, string pythonSource, string directory)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string source = Path.Combine(directory, name + ".py"), weights = Path.Combine(directory, name + ".pt");
        try
        {
            Directory.CreateDirectory(directory);
            // Each written beside and moved into place, so a crash never leaves a half-written file under the final name.
            AtomicFile.WriteAllText(source, pythonSource);
            AtomicFile.Write(weights, partial =>
            {
                using var stream = File.Create(partial);
                model.save_py(stream, leaveOpen: true);
            });
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException(directory, $"cannot write the PyTorch export: {problem.Message}");
        }
        return (source, weights);
    }

    /// <summary>
    /// Loads a PyTorch state_dict into <paramref name="model"/>. Every key and shape is checked before any value is
    /// copied, so a mismatch leaves the model as it was.
    /// </summary>
    /// <exception cref="ModelFileException">
    /// The file is missing or not a torch.save zip, a key or shape differs from the model's, an integer entry holds
    /// floating-point values, or a value is NaN or infinite.
    /// </exception>
    public static void LoadWeights(nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!File.Exists(path)) throw new ModelFileException(path, "no such file");
        Hashtable loaded;
        try
        {
            using FileStream stream = File.OpenRead(path);
            loaded = PyTorchUnpickler.UnpickleStateDict(stream);
        }
        catch (Exception problem) when (problem is not OutOfMemoryException)
        {
            throw new ModelFileException(path, $"is not a PyTorch state_dict written by torch.save (a zip holding data.pkl): {problem.Message}");
        }
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            foreach (DictionaryEntry entry in loaded)
            {
                if (entry.Key is not string key || entry.Value is not Tensor tensor)
                    throw new ModelFileException(path, $"entry '{entry.Key}' is not a tensor; a state_dict maps names to tensors");
                tensors[key] = tensor;
            }
            Dictionary<string, Tensor> expected = model.state_dict();
            string[] missing = expected.Keys.Where(key => !tensors.ContainsKey(key)).Order(StringComparer.Ordinal).ToArray();
            string[] unexpected = tensors.Keys.Where(key => !expected.ContainsKey(key)).Order(StringComparer.Ordinal).ToArray();
            if (missing.Length > 0 || unexpected.Length > 0)
                throw new ModelFileException(path, "keys differ from the model's:"
                    + (missing.Length > 0 ? $" missing {string.Join(", ", missing)}" : "")
                    + (unexpected.Length > 0 ? $"{(missing.Length > 0 ? ";" : "")} unexpected {string.Join(", ", unexpected)}" : ""));
            foreach ((string key, Tensor target) in expected)
            {
                Tensor source = tensors[key];
                if (!source.shape.SequenceEqual(target.shape))
                    throw new ModelFileException(path, $"'{key}' has shape ({string.Join(", ", source.shape)}); the model's is ({string.Join(", ", target.shape)})");
                if (!source.is_floating_point() && target.is_floating_point())
                    throw new ModelFileException(path, $"'{key}' holds {source.dtype} values; the model's are {target.dtype}");
                ImportedTensor.Check(path, key, source, target);
            }
            using (no_grad())
            {
                foreach ((string key, Tensor target) in expected)
                    target.copy_(tensors[key]);
            }
        }
        finally
        {
            foreach (Tensor tensor in tensors.Values) tensor.Dispose();
        }
    }
}
