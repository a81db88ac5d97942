import AdvocateSentiment

extension TextAssessor: TextJudging {}
