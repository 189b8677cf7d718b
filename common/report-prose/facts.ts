// The facts a draft is written from (dates 'YYYY-MM-DD', Asia/Shanghai), as plain data.

/** A dated event as of the day the draft is written: held (its time has come), scheduled (ahead), cancelled. */
export type ProseMeetingState = 'held' | 'scheduled' | 'cancelled';
/** An invitee as of that day: attended, declined, awaiting the host's record, or ahead (not yet held). */
export type ProseAttendance = 'attended' | 'declined' | 'awaiting' | 'ahead';

export interface ProseSymposium {
  id: number;
  date: string;
  title: string;
  counterparts: string[];
  state: ProseMeetingState;
  /** minutes recorded */
  minutes: boolean;
}

export interface ProseInvitation {
  id: number;
  date: string;
  title: string;
  /** dept_to_cp: the department invited its counterparts; cp_to_dept: a counterpart invited the department */
  direction: 'dept_to_cp' | 'cp_to_dept';
  subtype: string;
  host: string;
  invitees: { name: string; state: ProseAttendance }[];
}

export interface ProseNotice {
  id: number;
  date: string;
  title: string;
  subtype: string;
  docNumber: string | null;
  recipients: { name: string; received: boolean; read: boolean }[];
}

export interface ProseResearch {
  id: number;
  date: string;
  title: string;
  subtype: 'joint' | 'commissioned' | 'offered' | string;
  counterparts: string[];
  adoption: 'none' | 'adopted' | 'partly' | 'implemented' | string;
  /** a leader's written instruction (领导批示) is recorded */
  instruction: boolean;
  takenUpBy: string | null;
}

export interface ProseService {
  id: number;
  date: string;
  title: string;
  subtype: string;
  counterparts: string[];
  fundsWan: number | null;
  peopleServed: number | null;
  projectsLanded: number | null;
}

/** How a suggestion was answered: the classes of 三(二)'s 认真分析研究，及时给予反馈和答复. */
export const SUGGESTION_CLASSES = ['adopted', 'partly', 'not_adopted', 'reference', 'under_study'] as const;
export type SuggestionClass = (typeof SUGGESTION_CLASSES)[number];
export const SUGGESTION_CLASS_LABELS: Record<SuggestionClass, string> = {
  adopted: '采纳',
  partly: '部分采纳',
  not_adopted: '未采纳',
  reference: '留作参考',
  under_study: '研究办理中',
};

/** A major matter (重大事项) the department consulted its counterparts on, with its symposium and suggestions. */
export interface ProseConsultation {
  id: number;
  title: string;
  /** its 专题协商座谈会: held, scheduled (ahead), cancelled or none */
  symposium: ProseMeetingState | 'none';
  /** the symposium's date (held, or as scheduled) */
  symposiumDate: string | null;
  /** when the matter was decided, if it was */
  decidedDate: string | null;
  /** 先协商后决策 not kept: decided before its symposium was held (or with none held) */
  breach: boolean;
  suggestions: {
    id: number;
    class: SuggestionClass;
    reply: 'on_time' | 'late' | 'open';
    overdue: boolean;
  }[];
}

export interface ProsePlan {
  id: number;
  items: { id: number; title: string; status: 'done' | 'pending' | 'overdue' }[];
}

export interface ReportFacts {
  year: number;
  department: string;
  counterparts: string[];
  symposia: ProseSymposium[];
  consultations: ProseConsultation[];
  invitations: ProseInvitation[];
  notices: ProseNotice[];
  research: ProseResearch[];
  services: ProseService[];
  plan: ProsePlan | null;
}
