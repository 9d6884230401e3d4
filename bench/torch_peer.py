"""PyTorch peer of NetCanvas's throughput benchmark: the same networks, data shapes, mini-batch sizes and
optimizer (Adam), on the CPU with threads = cores (or on CUDA where a job says "device": "cuda"). Reads a JSON job on stdin, prints JSON results.
Run by bench/run.ts with Debian's /usr/bin/python3 (python3-torch)."""
import json
import os
import statistics
import sys
import time

import torch


def build(widths, output):
    layers = []
    for i in range(1, len(widths)):
        layers.append(torch.nn.Linear(widths[i - 1], widths[i]))
        if i < len(widths) - 1:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


class Residual(torch.nn.Module):
    """relu(x + inner(x)): the residual lesson's block."""

    def __init__(self, inner):
        super().__init__()
        self.inner = inner

    def forward(self, x):
        return torch.relu(x + self.inner(x))


def layers(spec):
    """A network from bench/lesson-graphs.ts's TorchLayer list, e.g. [["linear", 2, 16], ["relu"]]."""
    out = []
    for layer in spec:
        kind, args = layer[0], layer[1:]
        if kind == "linear":
            out.append(torch.nn.Linear(args[0], args[1]))
        elif kind == "relu":
            out.append(torch.nn.ReLU())
        elif kind == "batchnorm":
            out.append(torch.nn.BatchNorm1d(args[0]))
        elif kind == "dropout":
            out.append(torch.nn.Dropout(args[0]))
        elif kind == "residual":
            out.append(Residual(layers(args[0])))
        elif kind == "conv":
            cin, cout, k, padding = args
            out.append(torch.nn.Conv2d(cin, cout, k, padding=k // 2 if padding == "same" else 0))
        elif kind == "maxpool":
            out.append(torch.nn.MaxPool2d(args[0], args[0]))
        elif kind == "flatten":
            out.append(torch.nn.Flatten())
        else:
            raise ValueError(f"unknown layer {kind}")
    return torch.nn.Sequential(*out)


def optimizer(params, spec):
    if spec["algorithm"] == "adam":
        return torch.optim.Adam(params, lr=spec["learningRate"])
    momentum = spec.get("beta", 0.0) if spec["algorithm"] == "momentum" else 0.0
    return torch.optim.SGD(params, lr=spec["learningRate"], momentum=momentum)


def measure(job):
    torch.manual_seed(0)
    device = torch.device(job.get("device", "cpu"))
    batch, m = job["batch"], job["m"]
    net_spec = job.get("net")
    widths = job.get("widths") or [0, 1]
    shape = net_spec["input"] if net_spec else widths[0]
    shape = shape if isinstance(shape, list) else [shape]
    out = net_spec["layers"][-1][2] if net_spec else widths[-1]  # the last layer is a linear one
    x = torch.rand(m, *shape, device=device)
    if job["output"] == "sigmoid":
        y = torch.randint(0, 2, (m, 1), device=device).float()
        loss_fn = torch.nn.BCEWithLogitsLoss()
    else:
        y = torch.randint(0, out, (m,), device=device)
        loss_fn = torch.nn.CrossEntropyLoss()
    net = (layers(net_spec["layers"]) if net_spec else build(widths, job["output"])).to(device)
    net.train()
    opt = optimizer(net.parameters(), net_spec["optimizer"]) if net_spec else torch.optim.Adam(net.parameters(), lr=0.001)
    batch = m if batch == "full" else batch

    def updates(n):
        done = 0
        while done < n:
            perm = torch.randperm(m, device=device)
            for start in range(0, m, batch):
                idx = perm[start:start + batch]
                opt.zero_grad(set_to_none=True)
                loss = loss_fn(net(x[idx]), y[idx])
                loss.backward()
                opt.step()
                done += 1
                if done >= n:
                    break

    def sync():
        if device.type == "cuda":
            torch.cuda.synchronize()

    updates(job["warmup"])
    sync()
    rates = []
    for _ in range(job["repeats"]):
        start = time.perf_counter()
        updates(job["updates"])
        sync()
        rates.append(job["updates"] / (time.perf_counter() - start))
    return {"id": job["id"], "updatesPerSecond": rates}


def main():
    jobs = json.load(sys.stdin)
    torch.set_num_threads(os.cpu_count() or 1)
    results = [measure(job) for job in jobs]
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "results": results}))


if __name__ == "__main__":
    main()
