import type { MatrixDefinition } from './definition.js';

/**
 * The built-in matrices, written for Rampart. Scales and levels are lowest first; `grid[probability][impact]`.
 * A change here reaches databases as a new revision of the built-in (same URN), never as an edit in place.
 */
export interface BuiltinMatrix {
  urn: string;
  refId: string;
  name: string;
  description: string;
  definition: MatrixDefinition;
}

const GREEN = '#2e7d32';
const YELLOW = '#f9a825';
const ORANGE = '#ef6c00';
const RED = '#c62828';

const point = (abbreviation: string, name: string, description: string) => ({ abbreviation, name, description });

export const builtinMatrices: readonly BuiltinMatrix[] = [
  {
    urn: 'urn:rampart:risk:matrix:3x3',
    refId: 'RM-3X3',
    name: '3×3 risk matrix',
    description: 'Three probabilities, three impacts and three risk levels: a quick start for small organisations.',
    definition: {
      probability: [
        point('U', 'Unlikely', 'Not expected to happen in the next few years.'),
        point('P', 'Possible', 'Could happen in the next few years.'),
        point('L', 'Likely', 'Expected to happen within a year.'),
      ],
      impact: [
        point('Mi', 'Minor', 'Little or no effect on operations, people or reputation.'),
        point('Mo', 'Moderate', 'Noticeable disruption or cost, recovered within days.'),
        point('Ma', 'Major', 'Serious harm to operations, finances, people or reputation.'),
      ],
      risk: [
        { abbreviation: 'L', name: 'Low', description: 'Acceptable; monitor.', color: GREEN },
        { abbreviation: 'M', name: 'Medium', description: 'Treat when practical.', color: YELLOW },
        { abbreviation: 'H', name: 'High', description: 'Treat as a priority.', color: RED },
      ],
      grid: [
        [0, 0, 1],
        [0, 1, 2],
        [1, 2, 2],
      ],
    },
  },
  {
    urn: 'urn:rampart:risk:matrix:4x4',
    refId: 'RM-4X4',
    name: '4×4 risk matrix',
    description: 'Four probabilities, four impacts and four risk levels.',
    definition: {
      probability: [
        point('U', 'Unlikely', 'Not expected to happen in the next ten years.'),
        point('P', 'Possible', 'Could happen once in several years.'),
        point('L', 'Likely', 'Expected to happen about once a year.'),
        point('AC', 'Almost certain', 'Expected to happen several times a year.'),
      ],
      impact: [
        point('Mi', 'Minor', 'Little or no effect on operations, people or reputation.'),
        point('Mo', 'Moderate', 'Noticeable disruption or cost, recovered within days.'),
        point('Ma', 'Major', 'Serious harm, recovered within weeks.'),
        point('C', 'Critical', 'Lasting harm that threatens the organisation’s objectives.'),
      ],
      risk: [
        { abbreviation: 'L', name: 'Low', description: 'Acceptable; monitor.', color: GREEN },
        { abbreviation: 'M', name: 'Medium', description: 'Treat when practical.', color: YELLOW },
        { abbreviation: 'H', name: 'High', description: 'Treat as a priority.', color: ORANGE },
        { abbreviation: 'VH', name: 'Very high', description: 'Act now; escalate to management.', color: RED },
      ],
      grid: [
        [0, 0, 1, 1],
        [0, 1, 1, 2],
        [1, 1, 2, 3],
        [1, 2, 3, 3],
      ],
    },
  },
  {
    urn: 'urn:rampart:risk:matrix:5x5',
    refId: 'RM-5X5',
    name: '5×5 risk matrix',
    description:
      'Five probabilities, five impacts and four risk levels: the common layout of ISO 27005 style assessments.',
    definition: {
      probability: [
        point('R', 'Rare', 'May happen only in exceptional circumstances.'),
        point('U', 'Unlikely', 'Not expected to happen in the next ten years.'),
        point('P', 'Possible', 'Could happen once in several years.'),
        point('L', 'Likely', 'Expected to happen about once a year.'),
        point('AC', 'Almost certain', 'Expected to happen several times a year.'),
      ],
      impact: [
        point('N', 'Negligible', 'No noticeable effect.'),
        point('Mi', 'Minor', 'Small disruption or cost, recovered within a day.'),
        point('Mo', 'Moderate', 'Noticeable disruption or cost, recovered within days.'),
        point('Ma', 'Major', 'Serious harm, recovered within weeks.'),
        point('C', 'Critical', 'Lasting harm that threatens the organisation’s objectives.'),
      ],
      risk: [
        { abbreviation: 'L', name: 'Low', description: 'Acceptable; monitor.', color: GREEN },
        { abbreviation: 'M', name: 'Medium', description: 'Treat when practical.', color: YELLOW },
        { abbreviation: 'H', name: 'High', description: 'Treat as a priority.', color: ORANGE },
        { abbreviation: 'VH', name: 'Very high', description: 'Act now; escalate to management.', color: RED },
      ],
      grid: [
        [0, 0, 0, 1, 1],
        [0, 0, 1, 1, 2],
        [0, 1, 1, 2, 2],
        [1, 1, 2, 2, 3],
        [1, 2, 2, 3, 3],
      ],
    },
  },
];
