/**
 * Chinese templates of the engine's problem messages keyed by `Problem.detail.key`, beside the older
 * ones in messages.ts (`problemText.*`). The English is the engine's own text (`Problem.message`, which
 * the CLI prints), so it has one source. Where a value is itself the engine's English (zod's or the
 * JSON reader's reason), the Chinese says where and what in Chinese and quotes the reason.
 */
export const PROBLEM_MESSAGES_ZH: Readonly<Record<string, string>> = {
  addMismatch: 'Add "{id}" 逐元素相加它的输入，因此输入必须同形：“{a}” 给出 {aShape}，“{b}” 给出 {bShape}。',
  concatenateMismatch:
    'Concatenate "{id}" 沿最后一个轴拼接输入，因此其余各轴必须一致：“{a}” 给出 {aShape}，“{b}” 给出 {bShape}。',
  convNeedsImages:
    '{kind} 在图像 [m, h, w, c] 上滑动，但它的输入是 {shape}。请把它连到图像数据（手写数字、Fashion-MNIST、图像文件夹）或另一个卷积层。',
  poolNeedsImages:
    '{kind} 在图像 [m, h, w, c] 上滑动，但它的输入是 {shape}。请把它连到图像数据（手写数字、Fashion-MNIST、图像文件夹）或另一个图像层。',
  kernelTooLarge:
    '{size}×{size} 的卷积核大于 {h}×{w} 的输入；请使用 "same" 填充，或把卷积核缩小到最多 {most}。',
  windowTooLarge:
    '{size}×{size} 的池化窗口大于 {h}×{w} 的输入；请使用 "same" 填充，或把窗口缩小到最多 {most}。',
  softmaxNeedsRows:
    'Softmax 对每个样本取一行 C 个值，但它的输入是 {shape}：请在它前面放一个 Flatten 和一个 C 个单元的 Dense。',
  normalizeFirst: 'Normalize 对输入特征做标准化，因此必须直接接数据集（或 Augment）的输出。',
  augmentNeedsImages: 'Augment 平移和翻转图像 [m, h, w, c]；它的输入是 {shape}。',
  denseTooLarge: 'W 将有 {features}×{units} = {weights} 个权重（{mib} MiB）；上限是 50,000,000。',
  edgeToNowhere: '连线 "{edge}" 指向不存在的节点 "{missing}"。',
  noSuchPort: '连线 "{edge}"：{kind} "{id}" 没有端口 "{port}"。',
  portTypes:
    '连线 "{edge}" 把 {fromKind} "{from}".{fromPort}（{fromType}）接到 {toKind} "{to}".{toPort}（{toType}）；{toType} 端口只接 {toType}。',
  missingDataset: '没有数据集节点。请添加一个数据集节点：它提供 x 和 y。',
  missingLoss: '没有损失节点。请添加一个损失节点，并把网络输出和标签连到它。',
  missingOptimizer: '没有优化器节点。请添加一个优化器节点，并把它连到训练节点。',
  missingTraining: '没有训练节点。请添加一个训练节点：它设定小批量大小、轮数和随机种子。',
  startAtX: '网络必须从数据集的 x 输出开始。',
  notATensor: '{kind} "{id}" 不输出张量。',
  unknownKind: '节点 "{id}" 的类型 "{kind}" 未知。',
  paramAtLeast: '{kind} "{id}" 的 {field} 必须至少为 {bound}。',
  paramAbove: '{kind} "{id}" 的 {field} 必须大于 {bound}。',
  paramAtMost: '{kind} "{id}" 的 {field} 必须至多为 {bound}。',
  paramBelow: '{kind} "{id}" 的 {field} 必须小于 {bound}。',
  paramOneOf: '{kind} "{id}" 的 {field} 必须是以下之一：{values}。',
  paramType: '{kind} "{id}" 的 {field} 类型不对（应为 {expected}）。',
  paramInvalid: '{kind} "{id}" 的 {field} 取值无效（{reason}）。',
  mseColumns: '均方误差把 {units} 个输出与 {expected} 列标签比较：请把最后一层设为 {expected} 个单元。',
  noTrainingExamples: '划分之后没有训练样本（m = {m}）。',
  batchAboveM: '小批量大小 {batch} 超过训练集大小 m = {m}。请最多用 {m}，或把批量模式设为 "full"。',
  batchGdLargeM:
    '在 m = {m} 个样本上做批量梯度下降，每次更新都很慢；笔记建议 m 超过 2000 时使用小批量（64–512）。',
  earlyStoppingNoDev: '早停看的是开发集代价，但开发集为空；它不会提前停止。',
  sgdSlow: '随机梯度下降每轮要做 {updates} 次更新，会很慢。',
  memoryData:
    '这次运行约需 {total} 内存（参数及优化器状态 {parameters}，{batch} 个样本的小批量的激活值 {activations}，数据 {data}）；NetCanvas 拒绝超过 {limit} 的运行。请减少样本或特征。',
  memoryParameters:
    '这次运行约需 {total} 内存（参数及优化器状态 {parameters}，{batch} 个样本的小批量的激活值 {activations}，数据 {data}）；NetCanvas 拒绝超过 {limit} 的运行。请减少单元或层。',
  memoryBatch:
    '这次运行约需 {total} 内存（参数及优化器状态 {parameters}，{batch} 个样本的小批量的激活值 {activations}，数据 {data}）；NetCanvas 拒绝超过 {limit} 的运行。请用更小的小批量或更少的单元。',
  binaryFile: '这个文件不是文本（它含有二进制数据，例如图像），因此不是 NetCanvas 文档。',
  jsonTooDeep: '这个文件不是有效的 JSON（嵌套太深，无法指出位置）。',
  jsonSyntax: '第 {line} 行第 {column} 列：JSON 语法错误。',
  schema: '{where}：字段的类型或取值不对（{reason}）。',
  nestedTooDeep: '{where}：嵌套超过 {levels} 层；NetCanvas 文档远没有这么深，文件已损坏或不是项目。',
  duplicateNode: '两个节点的 id 都是 "{id}"。',
  duplicateEdge: '两条连线的 id 都是 "{id}"。',
  noJsonObject: '这个文件不含 JSON 对象，因此不是 NetCanvas 文档。',
  noFormatField: '这个文件没有 "format": "netcanvas" 字段。',
  versionTooNew:
    '这个文档是第 {version} 版，由更新的 NetCanvas 写成；当前版本最多读取第 {current} 版。请更新 NetCanvas 后再打开。',
  versionUnknown: '文档版本 {version} 未知。',
  searchEpochs: '搜索：轮数是每次试验的预算（epochsPerTrial），不能作为搜索的参数。',
  searchBatchMode: '搜索：批量模式为 "{mode}" 时 {param} 不起作用；请设为 "mini"。',
  searchNoRange: '搜索：{kind} 的 {path} 没有建议范围；请给出 scale:min:max。',
  searchOneOptimizer: '搜索：默认搜索需要恰好一个优化器节点；请用 --param 指定参数。',
  searchInvalidParams: '搜索：{kind} "{id}" 的参数无效。',
  searchNothingToApply: '搜索：没有试验训练到最后，因此没有可应用的结果。',
  searchNoNode: '搜索：图中没有节点 "{id}"。',
  searchUnknownKind: '搜索：节点 "{id}" 的类型 "{kind}" 未知。',
  searchNotNumeric: '搜索：{kind} "{id}" 没有数值参数 "{path}"。',
  searchNoValue: '搜索：{param} 没有取值。',
  trainedEpochs: '训练了 {epochs} 轮。',
  stoppedByUser: '已由用户停止。',
  earlyStopped: '早停：开发集损失自第 {epoch} 轮起已有 {patience} 轮没有改善。',
  restoredBest: '已恢复第 {epoch} 轮的权重。',
  searchValueRefused: '搜索：{kind} "{id}" 的 {field} = {value} 被拒绝（{reason}）。',
};
