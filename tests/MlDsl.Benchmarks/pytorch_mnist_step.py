"""PyTorch eager peer: the Keras MNIST CNN's training step (batch 64, Adam), median of N timed steps.

Prints one line: `median_ms <value>`. Input is random (step time does not depend on pixel values).
"""
import statistics
import sys
import time

import torch
from torch import nn

steps, warmup, threads = (int(arg) for arg in sys.argv[1:4])
torch.set_num_threads(threads)
torch.manual_seed(0)
model = nn.Sequential(
    nn.Conv2d(1, 32, 3), nn.ReLU(), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.25),
    nn.Flatten(), nn.Linear(9216, 128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, 10))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
criterion = nn.CrossEntropyLoss()
inputs = torch.rand(64, 1, 28, 28)
targets = torch.randint(0, 10, (64,))
model.train()
times = []
for i in range(warmup + steps):
    start = time.perf_counter()
    optimizer.zero_grad()
    loss = criterion(model(inputs), targets)
    loss.backward()
    optimizer.step()
    if i >= warmup:
        times.append((time.perf_counter() - start) * 1000)
print(f"torch_version {torch.__version__}")
print(f"median_ms {statistics.median(times):.3f}")
